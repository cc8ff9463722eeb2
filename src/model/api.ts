import * as v from 'valibot';
import { type InviteId, isId, type MemberId, type TeamId } from './ids.ts';
import { ROLES } from './roles.ts';

/**
 * The HTTP API's request and response bodies (README "HTTP API"), validated on
 * both sides with the same schemas. Paths:
 *
 *   POST   /api/teams                                  CreateTeamRequest → 201 Membership (200 on an idempotent retry)
 *   POST   /api/teams/:teamId/invites                  CreateInviteRequest → 201 CreatedInvite
 *   GET    /api/teams/:teamId/invites                  → 200 InviteList
 *   DELETE /api/teams/:teamId/invites/:inviteId        → 204
 *   PATCH  /api/teams/:teamId/members/:memberId        UpdateMemberRequest → 200 MemberInfo
 *   DELETE /api/teams/:teamId/members/:memberId        → 204 (revokes tokens, closes connections)
 *   GET    /api/teams/:teamId/me                       → 200 MemberData (what the server holds about the caller)
 *   DELETE /api/teams/:teamId/me                       → 204 (deletes the caller's account in this team: tokens, membership, name)
 *   POST   /api/invites/preview                        PreviewInviteRequest → 200 InvitePreview
 *   POST   /api/join                                   JoinRequest → 201 Membership
 *   PUT    /api/teams/:teamId/photos?cycle=:cycleId    image bytes → 201/200 { hash, bytes, type } (member, not guest)
 *   GET    /api/teams/:teamId/photos/:hash             → 200 image bytes (members and guests)
 *   DELETE /api/teams/:teamId/cycles/:cycleId/photos   → 204 (facilitator)
 *   DELETE /api/teams/:teamId/cycles/:cycleId          → 204 (facilitator: the document, its photos, for good)
 *   POST   /api/teams/:teamId/coaching-tracks          CreateCoachingTrackRequest → 201 CreatedCoachingTrack (not guests)
 *   GET    /api/teams/:teamId/coaching-tracks          → 200 CoachingTrackList (the caller's own tracks)
 *   DELETE /api/teams/:teamId/coaching-tracks/:trackId → 204 (the coach: both documents, for good)
 *   GET    /healthz                                    → 200 Health
 *
 * Every call but /healthz, /api/teams (POST), /api/invites/preview and
 * /api/join needs `Authorization: Bearer <member token>`.
 */

/** An id field whose output carries its brand, so callers need no casts. */
const idOf = <T extends string>() => v.custom<T>((value) => isId(value), 'not an id');
const teamIdSchema = idOf<TeamId>();
const memberIdSchema = idOf<MemberId>();
const inviteIdSchema = idOf<InviteId>();
const trimmedName = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(max, 'too long'));

export const roleSchema = v.picklist(ROLES);
export const teamNameSchema = trimmedName(120);
export const displayNameSchema = trimmedName(60);

export const CreateTeamRequest = v.object({
  name: teamNameSchema,
  displayName: displayNameSchema,
  /** Chosen by a client that created the team offline. */
  teamId: v.optional(teamIdSchema),
  memberId: v.optional(memberIdSchema),
  /**
   * A secret the creating device keeps, so a retry after a lost response gets
   * the same membership (200) instead of a conflict (409).
   */
  creatorKey: v.optional(v.pipe(v.string(), v.minLength(16), v.maxLength(128))),
});
export type CreateTeamRequest = v.InferOutput<typeof CreateTeamRequest>;

export const Membership = v.object({
  teamId: teamIdSchema,
  memberId: memberIdSchema,
  token: v.string(),
  role: roleSchema,
  teamName: v.string(),
  displayName: v.string(),
});
export type Membership = v.InferOutput<typeof Membership>;

export const CreateInviteRequest = v.object({
  role: v.optional(roleSchema, 'teacher'),
  expiresInDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(30)), 7),
  singleUse: v.optional(v.boolean(), false),
});
export type CreateInviteRequest = v.InferOutput<typeof CreateInviteRequest>;

export const CreatedInvite = v.object({
  inviteId: inviteIdSchema,
  code: v.string(),
  role: roleSchema,
  expiresAt: v.string(),
  singleUse: v.boolean(),
});
export type CreatedInvite = v.InferOutput<typeof CreatedInvite>;

export const InviteInfo = v.object({
  inviteId: inviteIdSchema,
  role: roleSchema,
  createdBy: memberIdSchema,
  createdAt: v.string(),
  expiresAt: v.string(),
  revokedAt: v.nullable(v.string()),
  singleUse: v.boolean(),
  uses: v.number(),
});
export type InviteInfo = v.InferOutput<typeof InviteInfo>;

export const InviteList = v.object({ invites: v.array(InviteInfo) });
export type InviteList = v.InferOutput<typeof InviteList>;

export const PreviewInviteRequest = v.object({ code: v.string() });
export const InvitePreview = v.object({
  teamName: v.string(),
  role: roleSchema,
  expiresAt: v.string(),
});
export type InvitePreview = v.InferOutput<typeof InvitePreview>;

export const JoinRequest = v.object({ code: v.string(), displayName: displayNameSchema });
export type JoinRequest = v.InferOutput<typeof JoinRequest>;

export const UpdateMemberRequest = v.object({
  role: v.optional(roleSchema),
  displayName: v.optional(displayNameSchema),
});
export type UpdateMemberRequest = v.InferOutput<typeof UpdateMemberRequest>;

export const MemberInfo = v.object({
  memberId: memberIdSchema,
  displayName: v.string(),
  role: roleSchema,
  joinedAt: v.string(),
});
export type MemberInfo = v.InferOutput<typeof MemberInfo>;

/** Everything the server holds about one member of one team (GET /api/teams/:teamId/me). */
export const MemberData = v.object({
  team: v.object({ teamId: teamIdSchema, name: v.string(), createdAt: v.string() }),
  member: v.object({
    memberId: memberIdSchema,
    displayName: v.string(),
    role: roleSchema,
    joinedAt: v.string(),
    /** True for the member who created the team. */
    createdTeam: v.boolean(),
  }),
  /** Sign-ins (one per device that joined or created the team); the secrets themselves are never stored. */
  tokens: v.array(v.object({ createdAt: v.string(), revokedAt: v.nullable(v.string()) })),
  invitesCreated: v.array(InviteInfo),
  /** Cycles this member deleted for the team. */
  cyclesDeleted: v.array(v.object({ cycleId: v.string(), deletedAt: v.string() })),
});
export type MemberData = v.InferOutput<typeof MemberData>;

export const CreateCoachingTrackRequest = v.object({ coacheeId: memberIdSchema });
export type CreateCoachingTrackRequest = v.InferOutput<typeof CreateCoachingTrackRequest>;

/** `sharedDoc` and `coachDoc` are full document names, `<teamId>/<docId>`. */
export const CreatedCoachingTrack = v.object({
  trackId: v.custom<string>((value) => isId(value), 'not an id'),
  sharedDoc: v.string(),
  coachDoc: v.string(),
});
export type CreatedCoachingTrack = v.InferOutput<typeof CreatedCoachingTrack>;

export const CoachingTrackInfo = v.object({
  trackId: v.custom<string>((value) => isId(value), 'not an id'),
  coachId: memberIdSchema,
  coacheeId: memberIdSchema,
  /** The caller's part in the track. */
  role: v.picklist(['coach', 'coachee']),
  sharedDoc: v.string(),
  /** Only the coach learns the name of the private document. */
  coachDoc: v.nullable(v.string()),
  createdAt: v.string(),
  /** Set once the coachee left the track. */
  coacheeLeftAt: v.nullable(v.string()),
});
export type CoachingTrackInfo = v.InferOutput<typeof CoachingTrackInfo>;

export const CoachingTrackList = v.object({ tracks: v.array(CoachingTrackInfo) });
export type CoachingTrackList = v.InferOutput<typeof CoachingTrackList>;

export const Health = v.object({ status: v.literal('ok'), version: v.string() });
export type Health = v.InferOutput<typeof Health>;
