// Registers the lesson page's texts (lessonText.ts) with i18next under the namespace "lesson".
import { registerStrings } from '../../i18n';
import { lessonText } from './lessonText';

registerStrings('lesson', lessonText);
