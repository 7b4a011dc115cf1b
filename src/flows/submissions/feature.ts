import type { BotFeature } from "../context.js";
import { attachFlow, onFreeFile } from "./attach.js";
import { SUBMISSION_PREFIX, myData, onSubmissionButton, withdraw } from "./my-data.js";
import { LINK_PREFIX, answerLink, requestLink } from "./link.js";
import { lookUp } from "./status.js";

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
    { prefix: SUBMISSION_PREFIX, audience: "everyone", handle: onSubmissionButton },
    { prefix: LINK_PREFIX, audience: "everyone", handle: answerLink },
  ],
  flows: [attachFlow],
  onFreeFile,
  menu: [{ labelKey: "menu-status", command: "tracuu", audience: "everyone" }],
};
