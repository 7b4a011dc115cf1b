import { awardFood } from "./award-food.js";
import { englishFdi } from "./english-fdi.js";
import type { Journey } from "./journey.js";
import { nsclCoop } from "./nscl-coop.js";
import { official } from "./official.js";

/** The four journeys of issue 15, in the order they are played (the official's needs the first one's registration). */
export const JOURNEYS: readonly Journey[] = [awardFood, nsclCoop, englishFdi, official];
export { awardFood, englishFdi, nsclCoop, official };
