import type { BotFeature } from "../context.js";
import { caseCommand, caseQueueRoute, caseRoute, findFlow, noteFlow, statusFlow } from "./case.js";
import { checklistRoute, checkNoteFlow } from "./checklist.js";
import { exportCommand, exportRoute } from "./export.js";
import { rolesCommand, rolesRoute } from "./roles.js";
import { statsCommand, statsRoute } from "./stats.js";

/**
 * The officials' desk: find and move submissions (/hoso), figures with a chart (/thongke), lists
 * for the council (/xuat), roles (/quyen). Every command, button and step is for officials only:
 * the dispatcher checks the audience of each call, and each handler asks the roles service again
 * before it acts. To anyone else they answer exactly as a command or button that does not exist.
 */
export const officialsFeature: BotFeature = {
  name: "officials",
  commands: [
    { names: ["hoso", "case"], descriptionKey: "cmd-case", audience: "official", run: (ctx, args) => caseCommand(ctx, args) },
    { names: ["thongke", "stats"], descriptionKey: "cmd-stats", audience: "official", run: statsCommand },
    { names: ["xuat", "export"], descriptionKey: "cmd-export", audience: "official", run: exportCommand },
    { names: ["quyen", "roles"], descriptionKey: "cmd-roles", audience: "admin", run: rolesCommand },
  ],
  buttons: [caseRoute, caseQueueRoute, checklistRoute, statsRoute, exportRoute, rolesRoute],
  flows: [findFlow, statusFlow, noteFlow, checkNoteFlow],
  menu: [
    { labelKey: "menu-case", command: "hoso", audience: "official" },
    { labelKey: "menu-stats", command: "thongke", audience: "official" },
    { labelKey: "menu-export", command: "xuat", audience: "official" },
    { labelKey: "menu-roles", command: "quyen", audience: "admin" },
  ],
};
