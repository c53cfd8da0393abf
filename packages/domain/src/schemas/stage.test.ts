import { describe, expect, it } from 'vitest';
import { AT, parses, rejectsAt, uuid } from '../testing/fixtures.ts';
import {
  AddToStageRequest,
  DEFAULT_STAGE_PERMISSIONS,
  RemoveFromStageRequest,
  StageListResponse,
  StageParticipantResponse,
  StageTokenResponse,
  UpdateStagePermissionsRequest,
} from './stage.ts';

describe('stage requests', () => {
  it('add a user with optional partial permissions', () => {
    const user_id = uuid();
    expect(parses(AddToStageRequest, { user_id })).toEqual({ user_id });
    expect(
      parses(AddToStageRequest, { user_id, permissions: { can_publish_screen: true } }),
    ).toEqual({ user_id, permissions: { can_publish_screen: true } });
    rejectsAt(AddToStageRequest, { user_id, permissions: { can_publish_chat: true } }, [
      'permissions',
    ]);
    rejectsAt(AddToStageRequest, {}, ['user_id']);
  });

  it('update any of the three publish permissions', () => {
    expect(parses(UpdateStagePermissionsRequest, { can_publish_video: false })).toEqual({
      can_publish_video: false,
    });
    rejectsAt(UpdateStagePermissionsRequest, { can_publish_audio: 'no' }, ['can_publish_audio']);
    rejectsAt(UpdateStagePermissionsRequest, { role: 'cohost' }, []);
  });

  it('remove a user, optionally saying why', () => {
    const user_id = uuid();
    expect(parses(RemoveFromStageRequest, { user_id, reason: ' done ' })).toEqual({
      user_id,
      reason: 'done',
    });
  });
});

describe('stage responses', () => {
  const participant = {
    session_id: uuid(),
    user_id: uuid(),
    display_name: 'Guest',
    role: 'participant',
    permissions: DEFAULT_STAGE_PERMISSIONS,
    source: 'hand_raise',
    added_by: uuid(),
    joined_at: AT,
  };

  it('show each participant with can_publish_audio/video/screen', () => {
    expect(parses(StageParticipantResponse, participant)).toEqual(participant);
    rejectsAt(StageParticipantResponse, { ...participant, permissions: {} }, [
      'permissions',
      'can_publish_audio',
    ]);
    rejectsAt(StageParticipantResponse, { ...participant, source: 'magic' }, ['source']);
    expect(
      parses(StageListResponse, {
        items: [participant],
        max_stage_size: 6,
        ice_servers: [],
        media_backend: 'local',
      }).items,
    ).toHaveLength(1);
  });

  it('hand out a publish token with its permissions', () => {
    const token = {
      token: 't',
      ws_url: 'wss://lk.example.com',
      room: 'r',
      permissions: DEFAULT_STAGE_PERMISSIONS,
    };
    expect(parses(StageTokenResponse, token)).toEqual(token);
  });

  it('lets guests speak and show video, not share screens, by default', () => {
    expect(DEFAULT_STAGE_PERMISSIONS).toEqual({
      can_publish_audio: true,
      can_publish_video: true,
      can_publish_screen: false,
    });
  });
});
