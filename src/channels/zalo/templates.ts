import type { DeliveryOutcome } from "../../core/outbox.js";
import type { OutboundMessage } from "../../core/types.js";

/**
 * The seam for ZBS template messages (`POST /v3.0/oa/message/template`, tech-notes §6.2): the
 * only way to reach a Zalo user outside the 7-day window. Templates need Zalo's approval and a
 * billing account, so none exist yet. When they do, a template needs a notice kind and its
 * fields, not rendered text: the implementation will map the notices it knows (e.g. a dossier
 * status change) from a structured notice the caller passes, and answer null for the rest.
 */
export interface TemplateSender {
  /** Called when a push failed because the user is outside the window; null = no template fits. */
  send(userId: string, messages: readonly OutboundMessage[]): Promise<DeliveryOutcome | null>;
}

export const noTemplates: TemplateSender = {
  send: async () => null,
};
