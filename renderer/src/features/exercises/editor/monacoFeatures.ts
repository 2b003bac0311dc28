// The editor features the code editor loads: Monaco's core (`editor.api`) plus only the contributions a
// student meets while writing an exercise, instead of Monaco's full set (every contribution and 80
// languages). Each line below is something visible or a key that works; what is left out is listed at the
// end with the reason. Imported once by monacoSetup.ts, before the first editor exists.

// IntelliSense: hover (types, errors), completion with snippets, parameter hints, quick fixes (the light bulb).
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions';
// Reading code: find/replace (Ctrl+F, Ctrl+H), folding, matching brackets, highlighting the symbol under the
// cursor and the selected text's other occurrences, sticky scroll, invisible/confusable characters marked.
import 'monaco-editor/features/find/register';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/stickyScroll/browser/stickyScrollContribution';
import 'monaco-editor/editor/contrib/unicodeHighlighter/browser/unicodeHighlighter';
// Navigating: go to / peek definition and references (F12, Alt+F12, Shift+F12, Ctrl+click), next problem
// (F8), go to line (Ctrl+G), go to symbol (Ctrl+Shift+O), the command palette (F1), rename (F2), expand selection.
import 'monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition';
import 'monaco-editor/editor/standalone/browser/referenceSearch/standaloneReferenceSearch';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneGotoSymbolQuickAccess';
import 'monaco-editor/editor/standalone/browser/quickAccess/standaloneCommandsQuickAccess';
import 'monaco-editor/editor/contrib/rename/browser/rename';
import 'monaco-editor/editor/contrib/smartSelect/browser/smartSelect';
// Editing: the right-click menu with cut/copy/paste, comment toggling (Ctrl+/), line operations (Alt+↑/↓,
// Ctrl+Shift+K), word-wise moves and deletes (Ctrl+←, Ctrl+Backspace), indentation and paste re-indenting,
// formatting (Shift+Alt+F), undo of cursor moves, dragging selected text, line selection.
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/format/browser/formatActions';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/dnd/browser/dnd';
import 'monaco-editor/editor/contrib/lineSelection/browser/lineSelection';
// Keyboard and read-only files: Monaco's own Tab-moves-focus command and the "read-only" message.
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode';
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution';
// The icon font (hover actions, suggest kinds, folding chevrons).
import 'monaco-editor/features/codicon/register';

// Left out, with the reason: inline (ghost-text) completions, CodeLens, inlay hints, semantic tokens and
// colour pickers (no provider in this app: TypeScript's are off or absent); the diff editor; linked editing
// and links (HTML tags, URLs in an offline app); drop/paste-as, font zoom, section headers, the floating
// menu, high-contrast toggle, token inspector, iPad keyboard, in-place replace, transpose, anchor select,
// camelCase word parts, final newline and unusual line terminator prompts (commands nobody reaches here).
