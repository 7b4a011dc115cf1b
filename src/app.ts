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
import type { BotFeature } from "./flows/context.js";
import { languageFeature } from "./flows/language.js";
import { loadProvince } from "./knowledge/province.js";
import { loadSupportKinds } from "./knowledge/support-kinds.js";
import { loadVnProvinces } from "./knowledge/vn-provinces.js";
import { dataDir as defaultDataDir, localesDir as defaultLocalesDir } from "./paths.js";
import { dialogStore, dialogsCollection } from "./services/dialogs.js";
import type { Services } from "./services/index.js";
import { createRoles } from "./services/roles.js";
import { createUsers, usersCollection } from "./services/users.js";
import { countersCollection, createCounters } from "./services/counters.js";
import { createSubmissions, submissionsCollection } from "./services/submissions.js";
import { registrationFeature } from "./flows/registration/feature.js";
import { submissionsFeature } from "./flows/submissions/feature.js";
import { Store } from "./store/store.js";
import { createAudience } from "./services/broadcasts/audience.js";
import { deliveriesLog } from "./services/broadcasts/deliveries.js";
import { createBroadcasts, jobsCollection } from "./services/broadcasts/jobs.js";
import { remindersCollection } from "./services/broadcasts/reminders.js";
import { createSubscriptions, subscriptionsCollection } from "./services/subscriptions.js";
import { broadcastFeature } from "./flows/broadcast/feature.js";
import { subscriptionFeature } from "./flows/broadcast/subscription.js";

/** Every feature the bot has, in the order their menu buttons appear. Add a feature here. */
export const features: readonly BotFeature[] = [basicsFeature, languageFeature, registrationFeature, submissionsFeature, subscriptionFeature, broadcastFeature];

/** Every collection and log the store opens. Add a collection here. */
export const collections = [
  usersCollection,
  dialogsCollection,
  submissionsCollection,
  countersCollection,
  // The Zalo channel's own state (tokens, events seen, numbered lists shown); opened even when Zalo is off.
  zaloAuthCollection,
  zaloSeenCollection,
  zaloChoicesCollection,
  subscriptionsCollection,
  jobsCollection,
  remindersCollection,
] as const;
export const logs = [deliveriesLog] as const;

export interface App {
  readonly config: Config;
  readonly log: Logger;
  readonly store: Store;
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
}

/** Builds the whole bot without starting any channel, so tests and the CLI can use it too. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, log } = options;
  const translator = loadTranslator(options.localesDir ?? defaultLocalesDir, (m) => log.warn(m));
  const province = loadProvince(options.dataDir ?? defaultDataDir, config.PROVINCE);
  const supportKinds = loadSupportKinds(options.dataDir ?? defaultDataDir);
  const vnProvinces = loadVnProvinces(options.dataDir ?? defaultDataDir);
  const store = await Store.open({
    dir: config.dataDirAbsolute,
    collections,
    logs,
    onWarning: (w) => log.warn(w.message, { file: w.file }),
  });
  const users = createUsers(store.collection(usersCollection));
  const roles = createRoles(config.OFFICIAL_TELEGRAM_IDS);
  const submissions = createSubmissions(store.collection(submissionsCollection), createCounters(store.collection(countersCollection)));
  const outbox = new Outbox(log, (channel, id) => users.markUnreachable(`${channel}:${id}`, true, new Date()));
  const subscriptions = createSubscriptions(store.collection(subscriptionsCollection));
  const broadcasts = createBroadcasts(store.collection(jobsCollection), createCounters(store.collection(countersCollection)));
  const audience = createAudience({ users, submissions, subscriptions, reach: (channel, id) => outbox.reach(channel, id), defaultLocale: config.DEFAULT_LOCALE });
  const services: Services = { province, supportKinds, users, roles, submissions, vnProvinces, subscriptions, broadcasts, audience };
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
