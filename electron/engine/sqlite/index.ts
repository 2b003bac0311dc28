export { openDatabase, moveAside, migrate, useSqliteNativeBinding, DatabaseFileError, type OpenOptions } from './openDatabase';
