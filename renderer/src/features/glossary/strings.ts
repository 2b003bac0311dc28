// Strings of the glossary page (namespace "glossary"), in English and Russian.
import { registerStrings } from '../../i18n';

registerStrings('glossary', {
  en: {
    title: 'Glossary',
    intro: 'The words this course uses, in English and Russian. The lesson, the quiz, the exercises and the app all use these terms.',
    filter: 'Find a term',
    filterPlaceholder: 'partition, saga, inbox…',
    otherLanguage: 'In Russian',
    count: '{{count}} terms',
    none: 'No term matches “{{filter}}”.',
  },
  ru: {
    title: 'Словарь терминов',
    intro: 'Слова, которыми пользуется курс, по-русски и по-английски. Урок, тест, упражнения и само приложение называют понятия именно так.',
    filter: 'Найти термин',
    filterPlaceholder: 'партиция, сага, inbox…',
    otherLanguage: 'По-английски',
    count: 'Терминов: {{count}}',
    none: 'Нет термина, похожего на «{{filter}}».',
  },
});
