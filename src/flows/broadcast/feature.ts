import type { BotFeature } from "../context.js";
import { composeFlow, startCompose } from "./compose.js";
import { jobsRoute, listJobs } from "./jobs-list.js";

/** Officials' announcements: compose with a preview, send now or later, follow and manage the jobs. */
export const broadcastFeature: BotFeature = {
  name: "broadcast",
  commands: [
    { names: ["thongbao", "broadcast"], descriptionKey: "cmd-broadcast", audience: "official", run: startCompose },
    { names: ["dsthongbao", "broadcasts"], descriptionKey: "cmd-broadcasts", audience: "official", run: listJobs },
  ],
  buttons: [jobsRoute],
  flows: [composeFlow],
  menu: [{ labelKey: "menu-broadcast", command: "thongbao", audience: "official" }],
};
