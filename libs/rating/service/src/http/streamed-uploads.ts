// CSV uploads (rate decks, Asterisk Master.csv) are read as a stream by their controllers: a
// 200 000-row deck must never become one string. The gateway parses `text/csv` bodies into a
// string (with its 1 MiB limit) for every route, and offers no per-route opt-out, so this module
// installs a small hook on the HTTP adapter while the app is being built — that is, before the
// gateway adds its body parsers — which, for these routes only, moves the CSV content type aside.
// No body parser then touches the request; auth, validation of the query string and the problem
// filter work as for any route, and the controller reads the untouched request stream.
// (Reported to the gateway: a supported `@StreamedBody()` would make this hook unnecessary.)
import { API_PREFIX } from '@billing/gateway';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';

/** The content type no body parser accepts, put on streamed uploads. */
export const STREAMED_CONTENT_TYPE = 'application/x-billing-streamed-upload';
const UPLOAD = Symbol.for('billing.rating.streamedUpload');

const CSV_TYPES = /^\s*(text\/csv|text\/plain|application\/csv|application\/octet-stream)\s*(;|$)/i;
const STREAMED_PATHS = [
  new RegExp(`^/${API_PREFIX}/rate-sheets/?(\\?|$)`),
  new RegExp(`^/${API_PREFIX}/rate-sheets/[^/?]+/versions/?(\\?|$)`),
  new RegExp(`^/${API_PREFIX}/switch/cdrs/asterisk-csv/?(\\?|$)`),
];

export interface StreamedUpload {
  /** the Content-Type the client sent. */
  readonly contentType: string;
  readonly contentEncoding: string | undefined;
}

type UploadRequest = IncomingMessage & { [UPLOAD]?: StreamedUpload };

/** The upload of a request the hook set aside (undefined: not a CSV upload, e.g. a JSON body). */
export function streamedUpload(request: IncomingMessage): StreamedUpload | undefined {
  return (request as UploadRequest)[UPLOAD];
}

export function markStreamedUploads(request: IncomingMessage, _response: unknown, next: () => void): void {
  const contentType = request.headers['content-type'];
  if (request.method === 'POST' && typeof contentType === 'string' && CSV_TYPES.test(contentType) && STREAMED_PATHS.some((path) => path.test(request.url ?? ''))) {
    (request as UploadRequest)[UPLOAD] = { contentType, contentEncoding: request.headers['content-encoding'] };
    request.headers['content-type'] = STREAMED_CONTENT_TYPE;
  }
  next();
}

@Injectable()
export class StreamedUploads {
  constructor(@Inject(HttpAdapterHost) host: HttpAdapterHost) {
    // Providers are created inside NestFactory.create, before the app registers its body parsers.
    host.httpAdapter?.use(markStreamedUploads);
  }
}
