import type { Config } from "./config.js";
import { createConversation, type Conversation } from "./core/conversation.js";
import { createDispatcher, type Dispatcher } from "./core/dispatcher.js";
import { loadTranslator, type Translator } from "./core/i18n.js";
import type { Logger } from "./core/log.js";
import { Outbox } from "./core/outbox.js";
import { zaloChoicesCollection } from "./channels/zalo/choices.js";
import { zaloSeenCollection } from "./channels/zalo/seen.js";
import { zaloAuthCollection } from "./channels/zalo/tokens.js";
import { basicsFeature } from "./flows/basics.js";
import { calendarFeature } from "./flows/calendar.js";
import type { BotFeature } from "./flows/context.js";
import { faqFeature } from "./flows/faq.js";
import { languageFeature } from "./flows/language.js";
import { programmesFeature } from "./flows/programmes.js";
import { loadProvince } from "./knowledge/province.js";
import { loadSupportKinds } from "./knowledge/support-kinds.js";
import { loadVnProvinces } from "./knowledge/vn-provinces.js";
import { dataDir as defaultDataDir, localesDir as defaultLocalesDir } from "./paths.js";
import { dialogStore, dialogsCollection } from "./services/dialogs.js";
import { loadFaq } from "./services/faq.js";
import type { Services } from "./services/index.js";
import { createRoles, rolesCollection } from "./services/roles.js";
import { auditLog, createAudit } from "./services/audit.js";
import { createWorkflow } from "./services/workflow.js";
import { officialsFeature } from "./flows/officials/feature.js";
import { createUsers, usersCollection } from "./services/users.js";
import { createLinkRequests, linkRequestsCollection } from "./services/link-requests.js";
import { countersCollection, createCounters } from "./services/counters.js";
import { createSubmissions, submissionsCollection } from "./services/submissions.js";
import { registrationFeature } from "./flows/registration/feature.js";
import { submissionsFeature } from "./flows/submissions/feature.js";
import { Store, type StoreLike, type StoreOptions } from "./store/store.js";
import { createAudience } from "./services/broadcasts/audience.js";
import { deliveriesLog } from "./services/broadcasts/deliveries.js";
import { createBroadcasts, jobsCollection } from "./services/broadcasts/jobs.js";
import { remindersCollection } from "./services/broadcasts/reminders.js";
import { createSubscriptions, subscriptionsCollection } from "./services/subscriptions.js";
import { broadcastFeature } from "./flows/broadcast/feature.js";
import { subscriptionFeature } from "./flows/broadcast/subscription.js";

/** Every feature the bot has, in the order their menu buttons appear. Add a feature here. */
export const features: readonly BotFeature[] = [
  programmesFeature,
  faqFeature,
  registrationFeature,
  submissionsFeature,
  calendarFeature,
  basicsFeature,
  languageFeature,
  subscriptionFeature,
  broadcastFeature,
  officialsFeature,
];

/** Every collection and log the store opens. Add a collection here. */
export const collections = [
  usersCollection,
  dialogsCollection,
  submissionsCollection,
  countersCollection,
  linkRequestsCollection,
  rolesCollection,
  // The Zalo channel's own state (tokens, events seen, numbered lists shown); opened even when Zalo is off.
  zaloAuthCollection,
  zaloSeenCollection,
  zaloChoicesCollection,
  subscriptionsCollection,
  jobsCollection,
  remindersCollection,
] as const;
export const logs = [auditLog, deliveriesLog] as const;

export interface App {
  readonly config: Config;
  readonly log: Logger;
  readonly store: StoreLike;
  readonly services: Services;
  readonly translator: Translator;
  readonly dispatcher: Dispatcher<Services>;
  readonly conversation: Conversation;
  /** Where notifications to users on any channel go; channels register themselves. */
  readonly outbox: Outbox;
  /** Waits for events in progress, writes what is pending, releases DATA_DIR. */
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
  /** Replaces the store (the load benchmark's naive baseline); default `Store.open`. */
  openStore?: (options: StoreOptions) => Promise<StoreLike>;
  /** Opens DATA_DIR read-only beside a running bot (the CLI's stats and export): nothing can be saved. */
  readOnly?: boolean;
}

/** Builds the whole bot without starting any channel, so tests and the CLI can use it too. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, log } = options;
  const translator = loadTranslator(options.localesDir ?? defaultLocalesDir, (m) => log.warn(m));
  const province = loadProvince(options.dataDir ?? defaultDataDir, config.PROVINCE);
  const supportKinds = loadSupportKinds(options.dataDir ?? defaultDataDir);
  const vnProvinces = loadVnProvinces(options.dataDir ?? defaultDataDir);
  const { faq, kb } = loadFaq(options.dataDir ?? defaultDataDir, province, translator);
  const store = await (options.openStore ?? ((o: StoreOptions) => Store.open(o)))({
    dir: config.dataDirAbsolute,
    collections,
    logs,
    onWarning: (w) => log.warn(w.message, { file: w.file }),
    ...(options.readOnly ? { readOnly: true } : {}),
  });
  const users = createUsers(store.collection(usersCollection));
  const roles = createRoles(config.OFFICIAL_TELEGRAM_IDS, store.collection(rolesCollection));
  const submissions = createSubmissions(store.collection(submissionsCollection), createCounters(store.collection(countersCollection)));
  const audit = createAudit(store.log(auditLog), { submissions, roles });
  const workflow = createWorkflow(submissions, audit);
  const outbox = new Outbox(log, (channel, id) => users.markUnreachable(`${channel}:${id}`, true, new Date()));
  const desk = { stalledAfterDays: config.STALLED_AFTER_DAYS };
  const linkRequests = createLinkRequests(store.collection(linkRequestsCollection));
  const subscriptions = createSubscriptions(store.collection(subscriptionsCollection));
  const broadcasts = createBroadcasts(store.collection(jobsCollection), createCounters(store.collection(countersCollection)));
  const audience = createAudience({ users, submissions, subscriptions, reach: (channel, id) => outbox.reach(channel, id), defaultLocale: config.DEFAULT_LOCALE });
  const services: Services = {
    province,
    supportKinds,
    users,
    faq,
    kb,
    roles,
    submissions,
    vnProvinces,
    audit,
    workflow,
    outbox,
    desk,
    linkRequests,
    subscriptions,
    broadcasts,
    audience,
  };
  const dispatcher = createDispatcher([...features, ...(options.extraFeatures ?? [])]);
  const conversation = createConversation({
    dispatcher,
    translator,
    services,
    dialogs: dialogStore(store.collection(dialogsCollection)),
    touchUser: (user, now) => users.touch(user, now),
    roleOf: (user) => roles.roleOf(user),
    commit: () => store.commit(),
    defaultLocale: config.DEFAULT_LOCALE,
    log,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  let closed = false;
  return {
    config,
    log,
    store,
    services,
    translator,
    dispatcher,
    conversation,
    outbox,
    async close() {
      if (closed) return;
      closed = true;
      await conversation.idle();
      await store.close();
    },
  };
}
