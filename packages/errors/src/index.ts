export { AppError, isAppError } from './app-error';
export { fieldErrors, onlyTooLarge, validationError } from './zod-errors';
