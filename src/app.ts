import type { Config } from "./config.js";
import { createConversation, type Conversation } from "./core/conversation.js";
import { createDispatcher, type Dispatcher } from "./core/dispatcher.js";
import { loadTranslator, type Translator } from "./core/i18n.js";
import type { Logger } from "./core/log.js";
import { Outbox } from "./core/outbox.js";
import { basicsFeature } from "./flows/basics.js";
import { calendarFeature } from "./flows/calendar.js";
import type { BotFeature } from "./flows/context.js";
import { faqFeature } from "./flows/faq.js";
import { intentsFeature } from "./flows/intents/feature.js";
import { languageFeature, languageOffer } from "./flows/language.js";
import { programmesFeature } from "./flows/programmes.js";
import { loadProvince } from "./knowledge/province.js";
import { loadSupportKinds } from "./knowledge/support-kinds.js";
import { loadDossierItems } from "./knowledge/dossier-items.js";
import { loadVnProvinces } from "./knowledge/vn-provinces.js";
import { dataDir as defaultDataDir, localesDir as defaultLocalesDir } from "./paths.js";
import { dialogStore } from "./services/dialogs.js";
import { loadShippedKnowledge } from "./services/faq.js";
import { createLiveKnowledge, LEARNED_REFRESH_MS } from "./services/kb-live.js";
import { createKbLearning } from "./services/kb-learning.js";
import { createContent } from "./services/content.js";
import { createDeskAuth } from "./services/desk-auth.js";
import { learningFeature } from "./flows/officials/learn.js";
import type { Services } from "./services/index.js";
import { createRoles } from "./services/roles.js";
import { createAudit } from "./services/audit.js";
import { createWorkflow } from "./services/workflow.js";
import { officialsFeature } from "./flows/officials/feature.js";
import { createUsers } from "./services/users.js";
import { createFiles } from "./services/files.js";
import { createLinkRequests } from "./services/link-requests.js";
import { createSubmissions } from "./services/submissions.js";
import { registrationFeature } from "./flows/registration/feature.js";
import { submissionsFeature } from "./flows/submissions/feature.js";
import { openStorage } from "./store/open.js";
import type { Storage } from "./store/port.js";
import { createAudience } from "./services/broadcasts/audience.js";
import { createBroadcasts } from "./services/broadcasts/jobs.js";
import { createSubscriptions } from "./services/subscriptions.js";
import { createSelfCheck } from "./services/self-check.js";
import { loadSelfCheck } from "./knowledge/self-check.js";
import { loadHolidays } from "./knowledge/holidays.js";
import { createInbox } from "./services/inbox.js";
import { createFeedback } from "./services/feedback.js";
import { handoffFeature } from "./flows/handoff/feature.js";
import { inboxFeature } from "./flows/officials/inbox.js";
import { broadcastFeature } from "./flows/broadcast/feature.js";
import { selfCheckFeature } from "./flows/self-check/feature.js";
import { subscriptionFeature } from "./flows/broadcast/subscription.js";

/** Every feature the bot has, in the order their menu buttons appear. Add a feature here. */
export const features: readonly BotFeature[] = [
  programmesFeature,
  faqFeature,
  intentsFeature,
  registrationFeature,
  submissionsFeature,
  calendarFeature,
  selfCheckFeature,
  basicsFeature,
  languageFeature,
  subscriptionFeature,
  broadcastFeature,
  officialsFeature,
  handoffFeature,
  inboxFeature,
  learningFeature,
];

export interface App {
  readonly config: Config;
  readonly log: Logger;
  /** Repositories and units of work, on the configured backend (JSON files or PostgreSQL). */
  readonly storage: Storage;
  readonly services: Services;
  readonly translator: Translator;
  readonly dispatcher: Dispatcher<Services>;
  readonly conversation: Conversation;
  /** Where notifications to users on any channel go; channels register themselves. */
  readonly outbox: Outbox;
  /** Waits for events in progress, writes what is pending, releases DATA_DIR or the database. */
  close(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  log: Logger;
  clock?: () => Date;
  /** Overrides for tests: the knowledge and locale folders, extra features (fixtures). */
  dataDir?: string;
  localesDir?: string;
  extraFeatures?: readonly BotFeature[];
  /** Opens storage read-only beside a running bot (the CLI's stats and export): nothing can be saved. */
  readOnly?: boolean;
  /**
   * `npm start`: the app is ready before the JSON backend has read every file (it reads them in
   * the background, a file a turn needs first); the caller stops the bot if `storage.loading`
   * rejects. Otherwise createApp waits, and a broken file fails it.
   */
  answerWhileLoading?: boolean;
}

/** Builds the whole bot without starting any channel, so tests and the CLI can use it too. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, log } = options;
  const translator = loadTranslator(options.localesDir ?? defaultLocalesDir, (m) => log.warn(m));
  const province = loadProvince(options.dataDir ?? defaultDataDir, config.PROVINCE);
  const supportKinds = loadSupportKinds(options.dataDir ?? defaultDataDir);
  const dossierItems = loadDossierItems(options.dataDir ?? defaultDataDir);
  const selfCheckData = loadSelfCheck(options.dataDir ?? defaultDataDir);
  const holidays = loadHolidays(options.dataDir ?? defaultDataDir);
  const vnProvinces = loadVnProvinces(options.dataDir ?? defaultDataDir);
  const shipped = loadShippedKnowledge(options.dataDir ?? defaultDataDir);
  const storage = await openStorage(config, log, { readOnly: options.readOnly === true, background: options.readOnly !== true });
  if (!options.answerWhileLoading) {
    try {
      await storage.loading;
    } catch (error) {
      await storage.close().catch(() => undefined);
      throw error;
    }
  }
  const { repos } = storage;
  // The FAQ serves data/ plus what officials taught (kb-learned records), rebuilt when that changes.
  // …and the department's content as its officials edited it (profile, entries, sources: services/content.ts).
  const live = createLiveKnowledge({ shipped: shipped.content, lexicon: shipped.lexicon, province, translator, learned: repos.kbLearned, edited: repos.content, warn: (m) => log.warn(m) });
  try {
    await live.reload();
  } catch (error) {
    await storage.close().catch(() => undefined);
    throw error;
  }
  const { faq, kb } = live;
  const users = createUsers(repos.users);
  const roles = createRoles(config.OFFICIAL_TELEGRAM_IDS, repos.roles);
  const submissions = createSubmissions(repos.submissions, repos.counters, storage);
  const audit = createAudit(repos.audit, { submissions, roles });
  const workflow = createWorkflow(submissions, audit);
  // A platform saying a user blocked the bot is recorded in its own unit of work (or the caller's).
  // Files we hold (web uploads) go out as their bytes, to replies and pushes alike.
  const files = createFiles(repos.uploads, translator, log);
  const outbox = new Outbox(
    log,
    (channel, id) => storage.unit(() => users.markUnreachable(`${channel}:${id}`, true, new Date())),
    (messages) => files.resolve(messages, config.DEFAULT_LOCALE),
  );
  const desk = { stalledAfterDays: config.STALLED_AFTER_DAYS, publicUrl: config.PUBLIC_URL ?? `http://${config.WEB_HOST.includes(":") ? `[${config.WEB_HOST}]` : config.WEB_HOST}:${config.WEB_PORT}` };
  const linkRequests = createLinkRequests(repos.linkRequests, storage);
  const subscriptions = createSubscriptions(repos.subscriptions);
  const broadcasts = createBroadcasts(repos.broadcasts, repos.counters, storage);
  const audience = createAudience({ users, submissions: repos.submissions, subscriptions, reach: (channel, id) => outbox.reach(channel, id), defaultLocale: config.DEFAULT_LOCALE });
  const services: Services = {
    // The profile served now: data/'s, or the one officials edited (on any instance).
    get province() {
      return live.province();
    },
    supportKinds,
    dossierItems,
    users,
    faq,
    kb,
    roles,
    submissions,
    submissionRecords: repos.submissions,
    vnProvinces,
    audit,
    workflow,
    outbox,
    desk,
    deskAuth: createDeskAuth(repos.deskCredentials, storage, roles),
    linkRequests,
    subscriptions,
    broadcasts,
    audience,
    selfCheck: createSelfCheck(selfCheckData, repos.selfChecks, submissions),
    inbox: createInbox({ repo: repos.inbox, tails: repos.tails, counters: repos.counters, audit, outbox, submissions, get officeHours() {
        return live.province().officeHours;
      }, holidays }),
    feedback: createFeedback(repos.counters),
    kbLearning: createKbLearning({ repo: repos.kbLearned, counters: repos.counters, units: storage, roles, audit, live }),
    content: createContent({ repo: repos.content, units: storage, roles, audit, live }),
  };
  const dispatcher = createDispatcher([...features, ...(options.extraFeatures ?? [])]);
  const conversation = createConversation({
    dispatcher,
    translator,
    services,
    dialogs: dialogStore(repos.dialogs),
    touchUser: async (user, now) => users.touch(user, now, (await roles.roleOf(user)) !== null),
    roleOf: (user) => roles.roleOf(user),
    units: storage,
    // The user record, their role and what they are in the middle of: read by every turn.
    prefetchFor: (key) => [
      { kind: "users", key },
      { kind: "roles", key },
      { kind: "dialogs", key },
    ],
    defaultLocale: config.DEFAULT_LOCALE,
    guessLocale: (key, text) => users.guessLocale(key, text, config.DEFAULT_LOCALE),
    languageOffer,
    log,
    prepare: (messages, locale) => files.resolve(messages, locale),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  // Another instance's edit of the profile reaches this one's registration, /lich and reminders too,
  // not only the next FAQ lookup: the same throttled stamp check, in the background.
  const refreshing = options.readOnly
    ? null
    : setInterval(() => {
        live.refresh(options.clock ? options.clock() : new Date()).catch((error: unknown) => log.warn(`content refresh failed: ${error instanceof Error ? error.message : String(error)}`));
      }, LEARNED_REFRESH_MS);
  refreshing?.unref();
  let closed = false;
  return {
    config,
    log,
    storage,
    services,
    translator,
    dispatcher,
    conversation,
    outbox,
    async close() {
      if (closed) return;
      closed = true;
      if (refreshing) clearInterval(refreshing);
      await conversation.idle();
      await storage.close();
    },
  };
}
