export { AppError, isAppError } from './app-error';
export { fieldErrors, validationError } from './zod-errors';
