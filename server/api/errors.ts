/** Errors written the way Productive writes them: a JSON:API `errors` array with string statuses. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly source: Record<string, string>;

  constructor(
    status: number,
    code: string,
    title: string,
    detail: string,
    source: Record<string, string> = {},
  ) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
    this.source = source;
  }

  toJSON() {
    return {
      errors: [
        {
          status: String(this.status),
          code: this.code,
          title: this.title,
          detail: this.message,
          meta: {},
          source: this.source,
        },
      ],
    };
  }
}

export const notFound = (detail = 'The requested record was not found') =>
  new ApiError(404, 'record_not_found', 'Record Not Found', detail);

export const badRequest = (code: string, title: string, detail: string, parameter?: string) =>
  new ApiError(400, code, title, detail, parameter ? { parameter } : {});
