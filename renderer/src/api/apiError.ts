/** A call the main side refused or could not carry out; `path` names the argument or document location at fault. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The transport lost the main side while the call was in flight: it may or may not have been applied. */
export class ConnectionError extends ApiError {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionError';
  }
}
