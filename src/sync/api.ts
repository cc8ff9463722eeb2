import * as v from 'valibot';
import {
  CoachingTrackList,
  CreatedCoachingTrack,
  CreatedInvite,
  type CreateInviteRequest,
  type CreateTeamRequest,
  Health,
  InviteList,
  InvitePreview,
  MemberData,
  MemberInfo,
  Membership,
  type UpdateMemberRequest,
} from '../model/api.ts';
import { type ApiErrorCode, isApiErrorCode } from '../model/apiErrors.ts';
import type { DocId, InviteId, MemberId, TeamId } from '../model/ids.ts';
import { apiBaseUrl, requestTimeoutMs, serverFetch } from './serverUrl.ts';

/**
 * Typed client of the HTTP API (paths and bodies in src/model/api.ts). Every
 * call resolves with a validated body or rejects with an {@link ApiError}.
 */

export type ApiFailure = ApiErrorCode | 'network' | 'bad_response';

/**
 * Why a call failed: a code from the server's error body, `network` (no
 * answer, a timeout, or a gateway saying the server is unreachable) or
 * `bad_response` (an answer that is not what the API promises).
 */
export class ApiError extends Error {
  readonly code: ApiFailure;
  /** HTTP status, or null when no response arrived. */
  readonly status: number | null;

  constructor(code: ApiFailure, status: number | null, message?: string) {
    super(message ?? `API request failed: ${code}${status === null ? '' : ` (${status})`}`);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Failures worth retrying later without telling anyone: the server may answer next time. */
export function isTransientApiFailure(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'network' ||
      error.code === 'bad_response' ||
      error.code === 'internal' ||
      error.code === 'rate_limited' ||
      error.code === 'storage_full')
  );
}

/** Gateways answering for an unreachable server (a school's reverse proxy, the service worker). */
const UNREACHABLE_STATUSES = new Set([502, 503, 504]);

type RequestOptions<T> = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  token?: string;
  body?: unknown;
  /** Schema of the success body; omitted for 204 responses. */
  schema?: v.GenericSchema<unknown, T>;
};

const ErrorBody = v.object({ error: v.object({ code: v.string() }) });

async function request<T>(options: RequestOptions<T>): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), requestTimeoutMs());
  let response: Response;
  let text: string;
  try {
    response = await serverFetch()(`${apiBaseUrl()}${options.path}`, {
      method: options.method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
    text = await response.text();
  } catch (error) {
    throw new ApiError(
      'network',
      null,
      error instanceof Error ? `network failure: ${error.message}` : undefined,
    );
  } finally {
    clearTimeout(timer);
  }

  const json = parseJson(text);
  if (!response.ok) {
    const body = v.safeParse(ErrorBody, json);
    if (body.success && isApiErrorCode(body.output.error.code)) {
      throw new ApiError(body.output.error.code, response.status);
    }
    throw new ApiError(
      UNREACHABLE_STATUSES.has(response.status) ? 'network' : 'bad_response',
      response.status,
    );
  }
  if (!options.schema) return undefined as T;
  const parsed = v.safeParse(options.schema, json);
  if (!parsed.success) {
    throw new ApiError('bad_response', response.status, 'response body does not match the API');
  }
  return parsed.output;
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const seg = encodeURIComponent;

/** POST /api/teams — registers a team; a retry with the same creatorKey gets the same membership. */
export function createTeam(req: CreateTeamRequest): Promise<Membership> {
  return request({ method: 'POST', path: '/api/teams', body: req, schema: Membership });
}

/** Invite options; every field has a server-side default. */
export type CreateInviteInput = v.InferInput<typeof CreateInviteRequest>;

export function createInvite(
  teamId: TeamId,
  token: string,
  req: CreateInviteInput = {},
): Promise<CreatedInvite> {
  return request({
    method: 'POST',
    path: `/api/teams/${seg(teamId)}/invites`,
    token,
    body: req,
    schema: CreatedInvite,
  });
}

export function listInvites(teamId: TeamId, token: string): Promise<InviteList> {
  return request({
    method: 'GET',
    path: `/api/teams/${seg(teamId)}/invites`,
    token,
    schema: InviteList,
  });
}

export function revokeInvite(
  teamId: TeamId,
  token: string,
  inviteId: InviteId | string,
): Promise<void> {
  return request<void>({
    method: 'DELETE',
    path: `/api/teams/${seg(teamId)}/invites/${seg(inviteId)}`,
    token,
  });
}

/** POST /api/invites/preview — what joining with this code would give, without joining. */
export function previewInvite(code: string): Promise<InvitePreview> {
  return request({
    method: 'POST',
    path: '/api/invites/preview',
    body: { code },
    schema: InvitePreview,
  });
}

/** POST /api/join — redeems an invite code for a membership (token included). */
export function join(code: string, displayName: string): Promise<Membership> {
  return request({
    method: 'POST',
    path: '/api/join',
    body: { code, displayName },
    schema: Membership,
  });
}

export function updateMember(
  teamId: TeamId,
  token: string,
  memberId: MemberId,
  patch: UpdateMemberRequest,
): Promise<MemberInfo> {
  return request({
    method: 'PATCH',
    path: `/api/teams/${seg(teamId)}/members/${seg(memberId)}`,
    token,
    body: patch,
    schema: MemberInfo,
  });
}

/** DELETE a member (oneself to leave): revokes their tokens and closes their connections. */
export function removeMember(teamId: TeamId, token: string, memberId: MemberId): Promise<void> {
  return request<void>({
    method: 'DELETE',
    path: `/api/teams/${seg(teamId)}/members/${seg(memberId)}`,
    token,
  });
}

/** GET what the server holds about the caller in their team (My data). */
export function memberData(teamId: TeamId, token: string): Promise<MemberData> {
  return request({
    method: 'GET',
    path: `/api/teams/${seg(teamId)}/me`,
    token,
    schema: MemberData,
  });
}

/**
 * DELETE the caller's account in their team: the server forgets their tokens,
 * membership and name (a neutral label stays with what they contributed).
 * `conflict` for the last facilitator of a team with other members.
 */
export function eraseOwnAccount(teamId: TeamId, token: string): Promise<void> {
  return request<void>({ method: 'DELETE', path: `/api/teams/${seg(teamId)}/me`, token });
}

/** POST a coaching track with the caller as coach. */
export function createCoachingTrack(
  teamId: TeamId,
  token: string,
  coacheeId: MemberId,
): Promise<CreatedCoachingTrack> {
  return request({
    method: 'POST',
    path: `/api/teams/${seg(teamId)}/coaching-tracks`,
    token,
    body: { coacheeId },
    schema: CreatedCoachingTrack,
  });
}

/** GET the caller's own coaching tracks. */
export function listCoachingTracks(teamId: TeamId, token: string): Promise<CoachingTrackList> {
  return request({
    method: 'GET',
    path: `/api/teams/${seg(teamId)}/coaching-tracks`,
    token,
    schema: CoachingTrackList,
  });
}

/** DELETE a track (the coach): both documents, for good. */
export function deleteCoachingTrack(teamId: TeamId, token: string, trackId: string): Promise<void> {
  return request<void>({
    method: 'DELETE',
    path: `/api/teams/${seg(teamId)}/coaching-tracks/${seg(trackId)}`,
    token,
  });
}

/** POST …/leave (the coachee): only the coach keeps the track. */
export function leaveCoachingTrack(teamId: TeamId, token: string, trackId: string): Promise<void> {
  return request<void>({
    method: 'POST',
    path: `/api/teams/${seg(teamId)}/coaching-tracks/${seg(trackId)}/leave`,
    token,
  });
}

export function health(): Promise<Health> {
  return request({ method: 'GET', path: '/healthz', schema: Health });
}

/**
 * DELETE a cycle for the whole team (facilitators): the server removes its
 * document and refuses it from then on, deletes its photos and records the
 * deletion in the roster. Deleting again is fine.
 */
export function deleteCycle(teamId: TeamId, token: string, cycleId: DocId): Promise<void> {
  return request<void>({
    method: 'DELETE',
    path: `/api/teams/${seg(teamId)}/cycles/${seg(cycleId)}`,
    token,
  });
}
