// Registers the quiz page's texts (quizText.ts) with i18next under the namespace "quiz".
import { registerStrings } from '../../i18n';
import { quizText } from './quizText';

registerStrings('quiz', quizText);
