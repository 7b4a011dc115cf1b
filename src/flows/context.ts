import type { Feature, TurnContext } from "../core/feature.js";
import type { Services } from "../services/index.js";

/** The turn context and feature type every flow of this bot uses. */
export type Ctx = TurnContext<Services>;
export type BotFeature = Feature<Services>;
