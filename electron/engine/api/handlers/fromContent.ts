// One content read on behalf of a handler: an author's mistake it finds (ContentError, naming the file and
// each problem) reaches the caller as the API's CONTENT_ERROR with the same file and problems.
import { ApiError } from '../errors';
import { ContentError } from '../../lesson';

export function fromContent<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof ContentError) throw new ApiError('CONTENT_ERROR', err.message, undefined, { file: err.file, problems: err.problems });
    throw err;
  }
}
