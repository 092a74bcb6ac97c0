/** A Salesforce REST error: the HTTP status and the body `[{message, errorCode, fields}]`. */
export type ApiErrorBody = { message: string; errorCode: string; fields?: string[]; [extra: string]: unknown };

export class ApiError extends Error {
  constructor(readonly status: number, readonly errors: ApiErrorBody[]) {
    super(errors.map((e) => `${e.errorCode}: ${e.message}`).join('; '));
  }
  static of(status: number, errorCode: string, message: string, fields?: string[]): ApiError {
    return new ApiError(status, [fields ? { message, errorCode, fields } : { message, errorCode }]);
  }
}

export const notFound = () => ApiError.of(404, 'NOT_FOUND', 'The requested resource does not exist');
