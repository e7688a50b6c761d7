import type { ApiResponse } from '../../shared/errors';
import type { WireRequest } from '../../shared/wire';

/** Which transport a call came through (for the audit log and for transport-specific checks). */
export type CallOrigin = 'ipc' | 'http' | 'test';

/** The services, as the transports see them: one call in, one typed response out. */
export interface Backend {
  call(request: WireRequest, origin: CallOrigin): Promise<ApiResponse<unknown>>;
  /** snapshot and stop; resolves when the data is safely on disk */
  close(): Promise<void>;
}
