// The stage: who publishes media besides the host, with which permissions.
import { z } from 'zod';
import { SessionRole } from '../roles.ts';
import { Id, Reason, Timestamp, userRef } from './fields.ts';
import { MediaBackendKind, mediaTokenFields } from './media.ts';

const permissionFields = {
  can_publish_audio: z.boolean(),
  can_publish_video: z.boolean(),
  can_publish_screen: z.boolean(),
};

export const StagePermissions = z.object(permissionFields).meta({ id: 'StagePermissions' });
export type StagePermissions = z.infer<typeof StagePermissions>;

/** What a guest brought on stage may publish unless told otherwise. */
export const DEFAULT_STAGE_PERMISSIONS: Readonly<StagePermissions> = Object.freeze({
  can_publish_audio: true,
  can_publish_video: true,
  can_publish_screen: false,
});

export const UpdateStagePermissionsRequest = z
  .strictObject(permissionFields)
  .partial()
  .meta({ id: 'UpdateStagePermissionsRequest' });
export type UpdateStagePermissionsRequest = z.infer<typeof UpdateStagePermissionsRequest>;

/** Missing permissions fall back to DEFAULT_STAGE_PERMISSIONS. */
export const AddToStageRequest = z
  .strictObject({
    user_id: Id,
    permissions: z.strictObject(permissionFields).partial().optional(),
  })
  .meta({ id: 'AddToStageRequest' });
export type AddToStageRequest = z.infer<typeof AddToStageRequest>;

export const RemoveFromStageRequest = z
  .strictObject({ user_id: Id, reason: Reason.optional() })
  .meta({ id: 'RemoveFromStageRequest' });
export type RemoveFromStageRequest = z.infer<typeof RemoveFromStageRequest>;

/** How the participant got on stage. */
export const StageSource = z
  .enum(['hand_raise', 'join_request', 'direct'])
  .meta({ id: 'StageSource' });
export type StageSource = z.infer<typeof StageSource>;

export const StageParticipantResponse = z
  .object({
    session_id: Id,
    ...userRef,
    role: SessionRole,
    permissions: StagePermissions,
    source: StageSource,
    /** Who brought them on stage. */
    added_by: Id.optional(),
    joined_at: Timestamp,
  })
  .meta({ id: 'StageParticipantResponse' });
export type StageParticipantResponse = z.infer<typeof StageParticipantResponse>;

/** Everyone on stage (bounded by `max_stage_size`, so not paginated). */
/** One STUN/TURN server for a browser's RTCPeerConnection (the server's `ICE_SERVERS`). */
export const IceServer = z
  .strictObject({
    urls: z.union([z.string().min(1).max(512), z.array(z.string().min(1).max(512)).min(1).max(8)]),
    username: z.string().max(512).optional(),
    credential: z.string().max(512).optional(),
  })
  .meta({ id: 'IceServer' });
export type IceServer = z.infer<typeof IceServer>;

export const StageListResponse = z
  .object({
    items: z.array(StageParticipantResponse),
    max_stage_size: z.number().int().min(1),
    /**
     * The STUN/TURN servers the stage's WebRTC connections (guest ↔ studio, with no media
     * server) use; empty when none are configured (same machine or LAN: none needed).
     */
    ice_servers: z.array(IceServer).max(16),
    /**
     * Where guests send their camera: `local`, peer to peer to the studio (which composites
     * them); `livekit`, published to the LiveKit room with a stage token (the room's egress
     * composites them).
     */
    media_backend: MediaBackendKind,
  })
  .meta({ id: 'StageListResponse' });
export type StageListResponse = z.infer<typeof StageListResponse>;

/** A publish-capable media token limited to the participant's permissions. */
export const StageTokenResponse = z
  .object({ ...mediaTokenFields, permissions: StagePermissions })
  .meta({ id: 'StageTokenResponse' });
export type StageTokenResponse = z.infer<typeof StageTokenResponse>;

/** Leaving the stage, or being taken off it. */
export const StageRemovalResponse = z
  .object({ session_id: Id, user_id: Id, removed: z.literal(true) })
  .meta({ id: 'StageRemovalResponse' });
