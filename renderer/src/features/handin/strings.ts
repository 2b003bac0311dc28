// Strings of the "Hand in" button and its dialog, Russian and English.
import { registerStrings } from '../../i18n';

const en = {
  button: 'Hand in',
  title: 'Hand in this exercise',
  explain: 'Writes one submission file with your code, your test runs, the hints you opened and your quiz attempts. Give the file to your instructor.',
  name: 'Your name',
  id: 'Student id',
  folder: 'Save to folder (optional)',
  folderPlaceholder: 'default: the handins folder in the app data',
  fileName: 'File name (optional)',
  submit: 'Write the file',
  cancel: 'Cancel',
  working: 'Writing…',
  saved: 'Saved to {{path}}',
  download: 'Download {{fileName}}',
  error: 'Could not hand in: {{message}}',
  required: 'Enter your name and student id.',
};

const ru: typeof en = {
  button: 'Сдать',
  title: 'Сдать упражнение',
  explain: 'Создаёт один файл работы: ваш код, запуски тестов, открытые подсказки и попытки теста. Передайте файл преподавателю.',
  name: 'Ваше имя',
  id: 'Номер студента',
  folder: 'Сохранить в папку (необязательно)',
  folderPlaceholder: 'по умолчанию — папка handins в данных приложения',
  fileName: 'Имя файла (необязательно)',
  submit: 'Записать файл',
  cancel: 'Отмена',
  working: 'Записываем…',
  saved: 'Сохранено: {{path}}',
  download: 'Скачать {{fileName}}',
  error: 'Не удалось сдать: {{message}}',
  required: 'Введите имя и номер студента.',
};

registerStrings('handin', { en, ru });
