import { buttonRoute, say } from "../../core/feature.js";
import type { BotFeature } from "../context.js";
import { attachFlow, onFreeFile } from "./attach.js";
import { myData, onSubmissionButton, submissionButton, withdraw } from "./my-data.js";
import { answerLink, linkButton, requestLink } from "./link.js";
import { accountButton, onAccountButton } from "./linked-accounts.js";
import { lookUp } from "./status.js";
import { itemButton, itemFlow, sortUnassigned } from "./dossier-item.js";

/** Following a submission: status lookup, "what do you keep about me", withdrawal, files sent later. */
export const submissionsFeature: BotFeature = {
  name: "submissions",
  commands: [
    { names: ["tracuu", "status"], descriptionKey: "cmd-status", audience: "everyone", run: lookUp },
    { names: ["dulieu", "mydata"], descriptionKey: "cmd-my-data", audience: "everyone", run: myData },
    { names: ["rut", "withdraw"], descriptionKey: "cmd-withdraw", audience: "everyone", run: withdraw },
    { names: ["lienket", "link"], descriptionKey: "cmd-link", audience: "everyone", run: requestLink },
  ],
  buttons: [
    buttonRoute({ codec: submissionButton, audience: "everyone", handle: onSubmissionButton }),
    buttonRoute({ codec: linkButton, audience: "everyone", handle: answerLink }),
    buttonRoute({ codec: accountButton, audience: "everyone", handle: onAccountButton }),
    // Only `di:s:<code>` (sort a submission's unsorted files) means anything outside the question itself.
    buttonRoute({ codec: itemButton, audience: "everyone", handle: (ctx, value) => (value[0] === "s" ? sortUnassigned(ctx, value[1]) : say(ctx.t("button-not-valid"), ctx.menu())) }),
  ],
  flows: [attachFlow, itemFlow],
  onFreeFile,
  menu: [{ labelKey: "menu-status", command: "tracuu", audience: "everyone" }],
};
