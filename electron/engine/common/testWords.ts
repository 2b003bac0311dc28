// How test results are worded, in English and Russian: every message the harness, its `expect`, the
// runner and the given/when/then helper make travels as a phrase (common/phrase.ts: a key of these
// tables and its arguments) and is worded here, in the reader's language: the results panel in the
// UI's, grading reports in the report's. `ru` is typed by `en`, so a missing text is a compile error.
// No node imports: the renderer and the sandbox's harness read this too.
import { BILINGUAL_SEPARATOR, type Phrase, type PhraseArg } from './phrase';

export type TestWordsLang = 'en' | 'ru';

const en = {
  // Texts as they are: the student's own (or a value), and the two halves of a `say()` text.
  text: '{{text}}',
  bilingual: '{{en}}',
  lines: '{{lines}}',
  notImplemented: 'not implemented yet: this is where your code goes',
  notImplementedWhat: 'not implemented yet ({{what}}): this is where your code goes',
  // What the code under test threw, framed: the error itself is the student's text.
  thrown: 'Your code threw {{error}}',
  errorText: '{{name}}: {{message}}',
  thrownValue: 'thrown: {{value}}',
  labelled: '{{label}}: {{message}}',
  withSubject: 'expect({{subject}}): {{message}}',
  at: '{{message}}\n    at {{at}}',

  // expect
  toBe: 'expected {{actual}} to be {{expected}}',
  toBeSameContent: 'expected {{actual}} to be {{expected}} (same content, but not the same object: use toEqual)',
  notToBe: 'expected {{actual}} not to be {{expected}}',
  toEqual: 'expected {{actual}}\nto equal {{expected}}\ndifferences:\n{{differences}}',
  notToEqual: 'expected {{actual}}\nnot to equal {{expected}}',
  toStrictEqual: 'expected {{actual}}\nto strictly equal {{expected}}\ndifferences:\n{{differences}}',
  notToStrictEqual: 'expected {{actual}}\nnot to strictly equal {{expected}}',
  toMatchObject: 'expected {{actual}}\nto match {{expected}}\ndifferences:\n{{differences}}',
  notToMatchObject: 'expected {{actual}}\nnot to match {{expected}}',
  matchNeedsObject: 'toMatchObject needs an object, received {{expected}}',
  needNumbers: 'expected two numbers to compare, received {{actual}} and {{expected}}',
  greaterThan: 'expected {{actual}} to be greater than {{expected}}',
  notGreaterThan: 'expected {{actual}} not to be greater than {{expected}}',
  greaterOrEqual: 'expected {{actual}} to be greater than or equal to {{expected}}',
  notGreaterOrEqual: 'expected {{actual}} not to be greater than or equal to {{expected}}',
  lessThan: 'expected {{actual}} to be less than {{expected}}',
  notLessThan: 'expected {{actual}} not to be less than {{expected}}',
  lessOrEqual: 'expected {{actual}} to be less than or equal to {{expected}}',
  notLessOrEqual: 'expected {{actual}} not to be less than or equal to {{expected}}',
  throwNeedsFunction: 'toThrow needs a function to call, received {{actual}}',
  didNotThrow: 'expected the function to throw, but it returned without throwing',
  didNotThrowExpected: 'expected the function to throw {{expected}}, but it returned without throwing',
  threw: 'expected the function not to throw, but it threw {{thrown}}',
  throwContains: 'expected an error whose message contains {{expected}}, but it threw {{thrown}}',
  notThrowContains: 'expected no error whose message contains {{expected}}, but it threw {{thrown}}',
  throwMatches: 'expected an error whose message matches {{expected}}, but it threw {{thrown}}',
  notThrowMatches: 'expected no error matching {{expected}}, but it threw {{thrown}}',
  throwClass: 'expected a {{name}} to be thrown, but it threw {{thrown}}',
  notThrowClass: 'expected no {{name}} to be thrown, but it threw {{thrown}}',
  throwAsymmetric: 'expected a thrown error matching {{expected}}, but it threw {{thrown}}',
  notThrowAsymmetric: 'expected no error matching {{expected}}, but it threw {{thrown}}',
  throwMessage: 'expected an error with message {{expected}}, but it threw {{thrown}}',
  notThrowMessage: 'expected no error with message {{expected}}, but it threw {{thrown}}',
  throwObject: 'expected a thrown error matching {{expected}}, but it threw {{thrown}}\ndifferences:\n{{differences}}',
  notThrowObject: 'expected no error matching {{expected}}, but it threw {{thrown}}',
  throwBadExpected: 'toThrow cannot use {{expected}} as the expected error',
  thrownCode: '{{error}} (code {{code}})',
  toHaveLength: 'expected {{actual}} to have length {{expected}}, but its length is {{length}}',
  notToHaveLength: 'expected {{actual}} not to have length {{expected}}',
  toContain: 'expected {{actual}} to contain {{expected}}',
  notToContain: 'expected {{actual}} not to contain {{expected}}',
  toContainEqual: 'expected {{actual}} to contain an item equal to {{expected}}',
  notToContainEqual: 'expected {{actual}} not to contain an item equal to {{expected}}',
  toBeDefined: 'expected a defined value, received undefined',
  notToBeDefined: 'expected undefined, received {{actual}}',
  toBeNull: 'expected null, received {{actual}}',
  notToBeNull: 'expected a value other than null',
  toBeTruthy: 'expected {{actual}} to be truthy',
  toBeFalsy: 'expected {{actual}} to be falsy',
  toBeNaN: 'expected NaN, received {{actual}}',
  notToBeNaN: 'expected a value other than NaN',
  toBeCloseTo: 'expected {{actual}} to be close to {{expected}} ({{digits}} digits)',
  notToBeCloseTo: 'expected {{actual}} not to be close to {{expected}}',
  toBeInstanceOf: 'expected {{actual}} to be an instance of {{name}}',
  notToBeInstanceOf: 'expected {{actual}} not to be an instance of {{name}}',
  toBeTypeOf: 'expected {{actual}} to be of type {{expected}}, but it is {{type}}',
  notToBeTypeOf: 'expected {{actual}} not to be of type {{expected}}',
  toMatch: 'expected {{actual}} to match {{expected}}',
  notToMatch: 'expected {{actual}} not to match {{expected}}',
  toHavePropertyValue: 'expected property {{path}} to equal {{expected}}, received {{actual}}',
  toHaveProperty: 'expected {{actual}} to have property {{path}}',
  notToHaveProperty: 'expected {{actual}} not to have property {{path}}',
  notToHavePropertyValue: 'expected {{actual}} not to have property {{path}} equal to {{expected}}',
  shouldResolve: 'expected the promise to resolve, but it rejected with {{thrown}}',
  shouldReject: 'expected the promise to reject, but it resolved to {{actual}}',
  asymAny: 'any {{name}}',
  asymAnything: 'anything',
  asymObjectContaining: 'an object containing {{value}}',
  asymArrayContaining: 'an array containing {{value}}',
  asymStringContaining: 'a string containing {{value}}',
  asymStringMatching: 'a string matching {{value}}',
  // One difference of a deep comparison, and what it may say instead of a value.
  difference: '  • {{path}}: expected {{expected}}, received {{received}}',
  differenceNote: '  • {{path}}: expected {{expected}}, received {{received}} ({{note}})',
  moreDifferences: '  • … (more differences not shown)',
  propertyMissing: 'nothing (property missing)',
  noSuchProperty: 'nothing (no such property)',
  anElement: 'an element',
  aHole: 'a hole',
  noteFunctions: 'different functions',
  noteArrayExpected: 'expected an array',
  noteArrayUnexpected: 'did not expect an array',
  noteType: 'expected type {{expected}}, received {{received}}',
  noteLength: 'arrays differ in length',
  noteSparse: 'sparse array',
  noteMapSize: 'maps differ in size',
  noteMissingKey: 'missing key {{key}}',
  noteComparisonFailed: 'comparison failed: {{error}}',

  // The harness
  noAssertions: 'expected at least one assertion, but none ran',
  assertionCount: 'expected {{expected}} assertions, but {{actual}} ran',
  caughtAssertion: '{{message}}\n(this assertion failed even though its error was caught)',
  testTimedOut: 'the test timed out after {{ms}} ms (an infinite loop, or a promise that never settles?)',
  beforeEachTimedOut: 'beforeEach hook timed out after {{ms}} ms (an infinite loop, or a promise that never settles?)',
  afterEachTimedOut: 'afterEach hook timed out after {{ms}} ms (an infinite loop, or a promise that never settles?)',
  beforeAllTimedOut: 'beforeAll hook timed out after {{ms}} ms',
  beforeAllFailed: 'beforeAll hook failed: {{error}}',
  loadTimedOut: 'loading the code took longer than {{ms}} ms (an infinite loop at the top level?)',
  loadFailed: 'the test file could not be loaded: {{error}}',
  tamperedExport: 'the code changed the read-only export {{what}}; read-only modules cannot be changed, as the tests could no longer be trusted',
  tamperedBuiltin: 'the code changed a built-in ({{what}}); changing built-ins is not allowed, as the tests could no longer be trusted',

  // The runner
  runStoppedTimeout: 'the tests were stopped after {{ms}} ms: they took too long (an infinite loop?)',
  runOutOfMemory: 'the tests ran out of memory (limit {{mb}} MB): is something growing without end?',
  runTooMuchMemory: 'the tests used too much memory (limit {{mb}} MB) and were stopped',
  runTooMuchOutput: 'the tests printed too much output and were stopped (limit 1 MB)',
  runCrashed: 'the test process stopped unexpectedly',
  runCrashedDetail: 'the test process stopped unexpectedly ({{detail}})',
  suiteNoReport: 'the suite did not report',
  suiteCouldNotRun: 'the suite could not run',
  suiteNoTests: 'the suite has no tests',
  suiteProblem: '{{suite}}: {{message}}',
  registeredOutside: '{{suite}}: the test "{{name}}" was registered outside the suite\'s test file (by {{where}}); no result of this run counts',
  registeredOutsideUnknown: '{{suite}}: the test "{{name}}" was registered outside the suite\'s test file (by an unknown place); no result of this run counts',
  registeredTwice: '{{suite}}: the test "{{name}}" was registered twice in {{file}}; no result of this run counts',
  resultsTooLarge: 'the results were too large to report',
  missingFiles: 'missing file: {{files}}',
  hiddenUnavailable: 'the hidden suites are not available here ({{files}})',
  missingSuites: 'missing test suite file: {{files}}',
  buildFailed: 'The code does not build:\n{{detail}}',
  // A build failure worded error by error (runner/buildErrors.ts): its place, what is wrong, the line.
  buildFailedList: 'The code does not build:\n{{errors}}',
  buildErrorAt: '{{place}}: {{what}}\n{{code}}',
  buildErrorAtPlace: '{{place}}: {{what}}',
  buildErrorNoPlace: '{{what}}',
  compilerSays: 'the compiler says: {{text}}',
  buildUnexpected: 'unexpected {{token}} here: a typo, or is something missing just before it?',
  buildUnexpectedEnd: 'the file ends too early: a closing "}" or ")" is missing somewhere above',
  buildExpected: 'expected {{expected}} here, but found {{found}}',
  buildExpectedName: 'expected a name here, but found {{found}}',
  buildUnterminatedString: 'this string has no closing quote',
  buildUnterminatedTemplate: 'this template string has no closing backtick `',
  buildUnterminatedComment: 'this comment opens with /* but never closes with */',
  buildUnterminatedRegex: 'this regular expression has no closing /',
  buildDeclaredTwice: '{{name}} is declared twice in the same scope',
  buildExportedTwice: '{{name}} is exported twice',
  buildNoSuchExport: '{{module}} exports nothing called {{name}}',
  buildAwaitOutsideAsync: '"await" is used in a function that is not "async": mark the function async',
  buildAssignConstant: '{{name}} is a constant (const): it cannot be given a new value',
  buildInvalidAssignment: 'the left side of this assignment is not something a value can be stored in',
  buildCannotResolve: 'the module {{module}} cannot be found',
  // The runner's import rules (bundle.ts).
  importNotAllowed: "cannot import {{spec}}: exercise files may only import the other workspace files ({{names}}) and the modules listed in the exercise's allowedImports ({{list}})",
  nothingListed: 'none',
  importNotEngine: '{{spec}} is not an engine module',
  importHarness: 'cannot import {{spec}}: the harness is internal',
  importNotWorkspace: "{{spec}} is not a file of this exercise's workspace",
  importNotTestFile: "cannot import {{spec}} from a test file: not one of the exercise's test files",
  importOutsideEngine: "cannot import {{spec}}: not inside the engine's folder",
  importInSandbox: 'cannot import {{spec}} inside the sandbox',
  notRun: 'not run',
  notRunBecause: 'not run: {{reason}}',

  // Given/when/then
  noEvent: 'no event',
  thrownDescribed: '{{name}} {{code}}: {{message}}',
  thrownNoCode: '{{name}} (no code): {{message}}',
  gwtThrew: 'expected {{command}} to record {{expected}}, but it threw {{thrown}}',
  gwtRecordedOther: 'expected {{command}} to record {{expected}}, but it recorded {{actual}} (differences below)',
  gwtSucceeded: 'expected {{command}} to be refused with {{code}}, but it succeeded and recorded {{events}}',
  gwtWrongRefusal: 'expected {{command}} to be refused with {{code}}, but it threw {{thrown}}',
  gwtStillRecorded: '{{command}} was refused with {{code}} as expected, but it still recorded {{events}}',
  gwtChangedState: '{{command}} was refused with {{code}} as expected, but it changed the state anyway (differences below)',
  gwtRebuildFailed: 'rebuilding {{what}} from the given events failed before the command ran (does apply handle every event?): {{thrown}}',
  refusalReturned: 'expected {{errorA}} to be thrown, but {{what}} returned normally',
  refusalOther: 'expected {{errorA}} to be thrown, but {{what}} threw {{thrown}}',
  refusalEmptyMessage: '{{what}} threw {{error}} {{code}} with an empty message; say what was wrong',
};
export type TestWordKey = keyof typeof en;

const ru: Record<TestWordKey, string> = {
  text: '{{text}}',
  bilingual: '{{ru}}',
  lines: '{{lines}}',
  notImplemented: 'ещё не реализовано: здесь должен быть ваш код',
  notImplementedWhat: 'ещё не реализовано ({{what}}): здесь должен быть ваш код',
  thrown: 'Ваш код бросил исключение {{error}}',
  errorText: '{{name}}: {{message}}',
  thrownValue: 'брошено значение {{value}}',
  labelled: '{{label}}: {{message}}',
  withSubject: 'expect({{subject}}): {{message}}',
  at: '{{message}}\n    в {{at}}',

  toBe: 'ожидалось {{expected}}, получено {{actual}}',
  toBeSameContent: 'ожидалось {{expected}}, получено {{actual}} (содержимое то же, но это другой объект: используйте toEqual)',
  notToBe: 'ожидалось любое значение, кроме {{expected}}, получено {{actual}}',
  toEqual: 'ожидалось, что {{actual}}\nравно {{expected}}\nразличия:\n{{differences}}',
  notToEqual: 'ожидалось, что {{actual}}\nне равно {{expected}}',
  toStrictEqual: 'ожидалось, что {{actual}}\nстрого равно {{expected}}\nразличия:\n{{differences}}',
  notToStrictEqual: 'ожидалось, что {{actual}}\nне равно строго {{expected}}',
  toMatchObject: 'ожидалось, что {{actual}}\nсодержит {{expected}}\nразличия:\n{{differences}}',
  notToMatchObject: 'ожидалось, что {{actual}}\nне содержит {{expected}}',
  matchNeedsObject: 'toMatchObject нужен объект, а получено {{expected}}',
  needNumbers: 'для сравнения нужны два числа, а получены {{actual}} и {{expected}}',
  greaterThan: 'ожидалось, что {{actual}} больше {{expected}}',
  notGreaterThan: 'ожидалось, что {{actual}} не больше {{expected}}',
  greaterOrEqual: 'ожидалось, что {{actual}} больше или равно {{expected}}',
  notGreaterOrEqual: 'ожидалось, что {{actual}} меньше {{expected}}',
  lessThan: 'ожидалось, что {{actual}} меньше {{expected}}',
  notLessThan: 'ожидалось, что {{actual}} не меньше {{expected}}',
  lessOrEqual: 'ожидалось, что {{actual}} меньше или равно {{expected}}',
  notLessOrEqual: 'ожидалось, что {{actual}} больше {{expected}}',
  throwNeedsFunction: 'toThrow нужна функция для вызова, а получено {{actual}}',
  didNotThrow: 'ожидалось, что функция бросит исключение, но она завершилась без него',
  didNotThrowExpected: 'ожидалось, что функция бросит {{expected}}, но она завершилась без исключения',
  threw: 'ожидалось, что функция не бросит исключение, но она бросила {{thrown}}',
  throwContains: 'ожидалась ошибка с сообщением, содержащим {{expected}}, но брошено {{thrown}}',
  notThrowContains: 'не ожидалась ошибка с сообщением, содержащим {{expected}}, но брошено {{thrown}}',
  throwMatches: 'ожидалась ошибка с сообщением по шаблону {{expected}}, но брошено {{thrown}}',
  notThrowMatches: 'не ожидалась ошибка по шаблону {{expected}}, но брошено {{thrown}}',
  throwClass: 'ожидалась ошибка {{name}}, но брошено {{thrown}}',
  notThrowClass: 'не ожидалась ошибка {{name}}, но брошено {{thrown}}',
  throwAsymmetric: 'ожидалась ошибка, подходящая под {{expected}}, но брошено {{thrown}}',
  notThrowAsymmetric: 'не ожидалась ошибка, подходящая под {{expected}}, но брошено {{thrown}}',
  throwMessage: 'ожидалась ошибка с сообщением {{expected}}, но брошено {{thrown}}',
  notThrowMessage: 'не ожидалась ошибка с сообщением {{expected}}, но брошено {{thrown}}',
  throwObject: 'ожидалась ошибка, подходящая под {{expected}}, но брошено {{thrown}}\nразличия:\n{{differences}}',
  notThrowObject: 'не ожидалась ошибка, подходящая под {{expected}}, но брошено {{thrown}}',
  throwBadExpected: 'toThrow не может ожидать {{expected}} в качестве ошибки',
  thrownCode: '{{error}} (код {{code}})',
  toHaveLength: 'ожидалась длина {{expected}} у {{actual}}, а она равна {{length}}',
  notToHaveLength: 'ожидалось, что длина {{actual}} не равна {{expected}}',
  toContain: 'ожидалось, что {{actual}} содержит {{expected}}',
  notToContain: 'ожидалось, что {{actual}} не содержит {{expected}}',
  toContainEqual: 'ожидалось, что {{actual}} содержит элемент, равный {{expected}}',
  notToContainEqual: 'ожидалось, что {{actual}} не содержит элемента, равного {{expected}}',
  toBeDefined: 'ожидалось значение, а получено undefined',
  notToBeDefined: 'ожидалось undefined, получено {{actual}}',
  toBeNull: 'ожидалось null, получено {{actual}}',
  notToBeNull: 'ожидалось значение, отличное от null',
  toBeTruthy: 'ожидалось истинное значение, получено {{actual}}',
  toBeFalsy: 'ожидалось ложное значение, получено {{actual}}',
  toBeNaN: 'ожидалось NaN, получено {{actual}}',
  notToBeNaN: 'ожидалось значение, отличное от NaN',
  toBeCloseTo: 'ожидалось, что {{actual}} близко к {{expected}} (знаков после запятой: {{digits}})',
  notToBeCloseTo: 'ожидалось, что {{actual}} не близко к {{expected}}',
  toBeInstanceOf: 'ожидалось, что {{actual}} — экземпляр {{name}}',
  notToBeInstanceOf: 'ожидалось, что {{actual}} — не экземпляр {{name}}',
  toBeTypeOf: 'ожидался тип {{expected}} у {{actual}}, а тип — {{type}}',
  notToBeTypeOf: 'ожидалось, что тип {{actual}} — не {{expected}}',
  toMatch: 'ожидалось, что {{actual}} подходит под {{expected}}',
  notToMatch: 'ожидалось, что {{actual}} не подходит под {{expected}}',
  toHavePropertyValue: 'ожидалось, что свойство {{path}} равно {{expected}}, получено {{actual}}',
  toHaveProperty: 'ожидалось, что у {{actual}} есть свойство {{path}}',
  notToHaveProperty: 'ожидалось, что у {{actual}} нет свойства {{path}}',
  notToHavePropertyValue: 'ожидалось, что у {{actual}} нет свойства {{path}}, равного {{expected}}',
  shouldResolve: 'ожидалось, что промис выполнится, но он отклонён с {{thrown}}',
  shouldReject: 'ожидалось, что промис будет отклонён, но он выполнился со значением {{actual}}',
  asymAny: 'любой {{name}}',
  asymAnything: 'что угодно',
  asymObjectContaining: 'объект, содержащий {{value}}',
  asymArrayContaining: 'массив, содержащий {{value}}',
  asymStringContaining: 'строка, содержащая {{value}}',
  asymStringMatching: 'строка по шаблону {{value}}',
  difference: '  • {{path}}: ожидалось {{expected}}, получено {{received}}',
  differenceNote: '  • {{path}}: ожидалось {{expected}}, получено {{received}} ({{note}})',
  moreDifferences: '  • … (остальные различия не показаны)',
  propertyMissing: 'ничего (свойства нет)',
  noSuchProperty: 'ничего (такого свойства нет)',
  anElement: 'элемент',
  aHole: 'пропуск',
  noteFunctions: 'разные функции',
  noteArrayExpected: 'ожидался массив',
  noteArrayUnexpected: 'массив не ожидался',
  noteType: 'ожидался тип {{expected}}, получен {{received}}',
  noteLength: 'у массивов разная длина',
  noteSparse: 'массив с пропусками',
  noteMapSize: 'у Map разный размер',
  noteMissingKey: 'нет ключа {{key}}',
  noteComparisonFailed: 'сравнение не удалось: {{error}}',

  noAssertions: 'ожидалась хотя бы одна проверка, но ни одна не выполнилась',
  assertionCount: 'ожидалось проверок: {{expected}}, а выполнилось: {{actual}}',
  caughtAssertion: '{{message}}\n(эта проверка не прошла, хотя её ошибку перехватили)',
  testTimedOut: 'тест не уложился в {{ms}} мс (бесконечный цикл или промис, который никогда не завершится?)',
  beforeEachTimedOut: 'хук beforeEach не уложился в {{ms}} мс (бесконечный цикл или промис, который никогда не завершится?)',
  afterEachTimedOut: 'хук afterEach не уложился в {{ms}} мс (бесконечный цикл или промис, который никогда не завершится?)',
  beforeAllTimedOut: 'хук beforeAll не уложился в {{ms}} мс',
  beforeAllFailed: 'хук beforeAll завершился ошибкой: {{error}}',
  loadTimedOut: 'загрузка кода заняла больше {{ms}} мс (бесконечный цикл на верхнем уровне?)',
  loadFailed: 'файл тестов не загрузился: {{error}}',
  tamperedExport: 'код изменил экспорт {{what}} модуля только для чтения; такие модули менять нельзя, иначе тестам нельзя доверять',
  tamperedBuiltin: 'код изменил встроенный объект ({{what}}); менять встроенные объекты нельзя, иначе тестам нельзя доверять',

  runStoppedTimeout: 'тесты остановлены через {{ms}} мс: они шли слишком долго (бесконечный цикл?)',
  runOutOfMemory: 'тестам не хватило памяти (лимит {{mb}} МБ): может быть, что-то растёт без конца?',
  runTooMuchMemory: 'тесты заняли слишком много памяти (лимит {{mb}} МБ) и были остановлены',
  runTooMuchOutput: 'тесты вывели слишком много текста и были остановлены (лимит 1 МБ)',
  runCrashed: 'процесс тестов неожиданно остановился',
  runCrashedDetail: 'процесс тестов неожиданно остановился ({{detail}})',
  suiteNoReport: 'набор тестов не прислал результат',
  suiteCouldNotRun: 'набор тестов не удалось запустить',
  suiteNoTests: 'в наборе нет тестов',
  suiteProblem: '{{suite}}: {{message}}',
  registeredOutside: '{{suite}}: тест «{{name}}» зарегистрирован вне файла своего набора ({{where}}); ни один результат этого запуска не засчитывается',
  registeredOutsideUnknown: '{{suite}}: тест «{{name}}» зарегистрирован вне файла своего набора (место неизвестно); ни один результат этого запуска не засчитывается',
  registeredTwice: '{{suite}}: тест «{{name}}» зарегистрирован дважды в {{file}}; ни один результат этого запуска не засчитывается',
  resultsTooLarge: 'результаты слишком велики, чтобы их показать',
  missingFiles: 'нет файла: {{files}}',
  hiddenUnavailable: 'скрытых наборов тестов здесь нет ({{files}})',
  missingSuites: 'нет файла набора тестов: {{files}}',
  buildFailed: 'Код не собирается:\n{{detail}}',
  buildFailedList: 'Код не собирается:\n{{errors}}',
  buildErrorAt: '{{place}}: {{what}}\n{{code}}',
  buildErrorAtPlace: '{{place}}: {{what}}',
  buildErrorNoPlace: '{{what}}',
  compilerSays: 'сообщение компилятора (на английском): {{text}}',
  buildUnexpected: 'здесь не может стоять {{token}}: опечатка или перед этим местом чего-то не хватает?',
  buildUnexpectedEnd: 'файл кончился раньше времени: где-то выше не хватает закрывающей «}» или «)»',
  buildExpected: 'здесь должно стоять {{expected}}, а стоит {{found}}',
  buildExpectedName: 'здесь должно стоять имя, а стоит {{found}}',
  buildUnterminatedString: 'у этой строки нет закрывающей кавычки',
  buildUnterminatedTemplate: 'у этой шаблонной строки нет закрывающего символа `',
  buildUnterminatedComment: 'комментарий открыт символами /*, но не закрыт */',
  buildUnterminatedRegex: 'у этого регулярного выражения нет закрывающего /',
  buildDeclaredTwice: '{{name}} объявлено дважды в одной области видимости',
  buildExportedTwice: '{{name}} экспортируется дважды',
  buildNoSuchExport: 'в {{module}} нет экспорта с именем {{name}}',
  buildAwaitOutsideAsync: '"await" стоит в функции без "async": объявите функцию как async',
  buildAssignConstant: '{{name}} — константа (const): новое значение ей присвоить нельзя',
  buildInvalidAssignment: 'слева от знака присваивания стоит то, во что нельзя записать значение',
  buildCannotResolve: 'модуль {{module}} не найден',
  importNotAllowed: 'нельзя импортировать {{spec}}: файлы упражнения могут импортировать только другие файлы рабочей области ({{names}}) и модули из allowedImports упражнения ({{list}})',
  nothingListed: 'их нет',
  importNotEngine: '{{spec}} — не модуль движка',
  importHarness: 'нельзя импортировать {{spec}}: это внутренняя часть тестовой обвязки',
  importNotWorkspace: '{{spec}} — не файл рабочей области этого упражнения',
  importNotTestFile: 'нельзя импортировать {{spec}} из файла тестов: это не один из тестовых файлов упражнения',
  importOutsideEngine: 'нельзя импортировать {{spec}}: он лежит вне папки движка',
  importInSandbox: 'в песочнице нельзя импортировать {{spec}}',
  notRun: 'не запускался',
  notRunBecause: 'не запускался: {{reason}}',

  noEvent: 'ни одного события',
  thrownDescribed: '{{name}} {{code}}: {{message}}',
  thrownNoCode: '{{name}} (без кода): {{message}}',
  gwtThrew: 'ожидалось, что {{command}} запишет {{expected}}, но команда бросила {{thrown}}',
  gwtRecordedOther: 'ожидалось, что {{command}} запишет {{expected}}, но записано {{actual}} (различия ниже)',
  gwtSucceeded: 'ожидался отказ {{command}} с кодом {{code}}, но команда выполнилась и записала {{events}}',
  gwtWrongRefusal: 'ожидался отказ {{command}} с кодом {{code}}, но команда бросила {{thrown}}',
  gwtStillRecorded: '{{command}} отклонена с кодом {{code}}, как и ожидалось, но всё же записала {{events}}',
  gwtChangedState: '{{command}} отклонена с кодом {{code}}, как и ожидалось, но всё же изменила состояние (различия ниже)',
  gwtRebuildFailed: 'восстановить {{what}} из заданных событий не удалось ещё до команды (apply обрабатывает каждое событие?): {{thrown}}',
  refusalReturned: 'ожидалась ошибка {{error}}, но {{what}} завершился без исключения',
  refusalOther: 'ожидалась ошибка {{error}}, но {{what}} бросил {{thrown}}',
  refusalEmptyMessage: '{{what}} бросил {{error}} {{code}} с пустым сообщением; объясните в нём, что не так',
};

export const TEST_WORDS: Record<TestWordsLang, Record<TestWordKey, string>> = { en, ru };

export function isTestWordKey(key: string): key is TestWordKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** A quoted `say()` text inside a formatted value ("the process died…␞процесс упал…"): the reader's half. */
const QUOTED_BILINGUAL = new RegExp(`"((?:[^"\\\\${BILINGUAL_SEPARATOR}]|\\\\.)*)${BILINGUAL_SEPARATOR}((?:[^"\\\\]|\\\\.)*)"`, 'g');

function wordArg(arg: PhraseArg, lang: TestWordsLang, lookup: TextLookup): string | null {
  if (typeof arg === 'string') return arg.includes(BILINGUAL_SEPARATOR) ? arg.replace(QUOTED_BILINGUAL, (_, en: string, ru: string) => `"${lang === 'ru' ? ru : en}"`) : arg;
  if (typeof arg === 'number') return String(arg);
  if (Array.isArray(arg)) {
    const lines: string[] = [];
    for (const p of arg) {
      const line = wordPhrase(p, lang, lookup);
      if (line === null) return null;
      lines.push(line);
    }
    return lines.join('\n');
  }
  return wordPhrase(arg, lang, lookup);
}

/** Where a phrase's text comes from: these tables (grading), or the UI's i18n resources (the renderer). */
export type TextLookup = (lang: TestWordsLang, key: string) => string | undefined;
const tables: TextLookup = (lang, key) => (isTestWordKey(key) ? TEST_WORDS[lang][key] : undefined);

/** A phrase in a language, or null when it uses a key these tables do not know (then show the English message). */
export function wordPhrase(p: Phrase, lang: TestWordsLang, lookup: TextLookup = tables): string | null {
  const args = p.args ?? {};
  // A test author's own words in both languages: the reader's half is the template, filled from the other arguments.
  const own = p.key === 'bilingual' ? args[lang] : undefined;
  const template = typeof own === 'string' ? own : lookup(lang, p.key);
  if (template === undefined) return null;
  let failed = false;
  const text = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const arg = args[name];
    if (arg === undefined) return '';
    const worded = wordArg(arg, lang, lookup);
    if (worded === null) failed = true;
    return worded ?? '';
  });
  return failed ? null : text;
}

/** The message of a result in a language: its phrase worded, else its English message. */
export function wordMessage(message: string | null | undefined, messagePhrase: Phrase | undefined, lang: TestWordsLang, lookup: TextLookup = tables): string | null {
  if (messagePhrase) {
    const worded = wordPhrase(messagePhrase, lang, lookup);
    if (worded !== null) return worded;
  }
  return message ?? null;
}
