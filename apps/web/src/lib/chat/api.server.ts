import {
  chatHistoryResponseSchema,
  chatMuteResponseSchema,
  chatRoomResponseSchema,
  chatSessionListResponseSchema,
  directoryResponseSchema,
  groupResponseSchema,
  okResponseSchema,
} from '@bedrock/shared';
import type { RequestEvent } from '@sveltejs/kit';
import { createApi } from '$lib/server/api.ts';

/** The chat's REST calls, made by the page server with the member's own session. */
export function chatApi(event: RequestEvent) {
  const api = createApi(event);
  const room = (id: string) => `/api/chat/rooms/${encodeURIComponent(id)}`;
  return {
    room: (id: string) => api.get(room(id), chatRoomResponseSchema),
    recent: (id: string, limit: number) => api.get(`${room(id)}/messages?limit=${limit}`, chatHistoryResponseSchema),
    groups: () => api.get('/api/groups', directoryResponseSchema),
    group: (slug: string) => api.get(`/api/groups/${encodeURIComponent(slug)}`, groupResponseSchema),
    groupRoom: (groupId: string) =>
      api.get(`/api/chat/groups/${encodeURIComponent(groupId)}/room`, chatRoomResponseSchema),
    remove: (id: string, seq: number) => api.delete(`${room(id)}/messages/${seq}`, okResponseSchema),
    mute: (id: string, seq: number, minutes: number) =>
      api.post(`${room(id)}/mutes`, chatMuteResponseSchema, { seq, minutes }),
    sessions: (groupId: string) =>
      api.get(`/api/chat/groups/${encodeURIComponent(groupId)}/sessions`, chatSessionListResponseSchema),
    schedule: (session: { groupId: string; title: string; startsAt: string; endsAt: string; facilitators: string[] }) =>
      api.post('/api/chat/sessions', chatRoomResponseSchema, session),
    update: (id: string, change: { slowModeSeconds?: number; closed?: boolean }) =>
      api.patch(room(id), chatRoomResponseSchema, change),
  };
}
