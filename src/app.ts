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
import { languageFeature } from "./flows/language.js";
import { programmesFeature } from "./flows/programmes.js";
import { loadProvince } from "./knowledge/province.js";
import { loadSupportKinds } from "./knowledge/support-kinds.js";
import { dataDir as defaultDataDir, localesDir as defaultLocalesDir } from "./paths.js";
import { dialogStore, dialogsCollection } from "./services/dialogs.js";
import { loadFaq } from "./services/faq.js";
import type { Services } from "./services/index.js";
import { createRoles } from "./services/roles.js";
import { createUsers, usersCollection } from "./services/users.js";
import { Store } from "./store/store.js";

/** Every feature the bot has, in the order their menu buttons appear. Add a feature here. */
export const features: readonly BotFeature[] = [basicsFeature, languageFeature, programmesFeature, faqFeature, calendarFeature];

/** Every collection and log the store opens. Add a collection here. */
export const collections = [usersCollection, dialogsCollection] as const;
export const logs = [] as const;

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
  const { faq, kb } = loadFaq(options.dataDir ?? defaultDataDir, province, translator);
  const store = await Store.open({
    dir: config.dataDirAbsolute,
    collections,
    logs,
    onWarning: (w) => log.warn(w.message, { file: w.file }),
  });
  const users = createUsers(store.collection(usersCollection));
  const roles = createRoles(config.OFFICIAL_TELEGRAM_IDS);
  const services: Services = { province, supportKinds, users, faq, kb, roles };
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
  const outbox = new Outbox(log);
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
