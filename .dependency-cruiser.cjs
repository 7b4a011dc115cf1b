// Layer rules as the README's "Architecture" states them, checked by `npm run layers` (and so by
// `npm test` and CI). Type-only imports count for every layer rule (tsPreCompilationDeps): a layer
// that names another's types depends on it just the same. The cycle rule counts runtime cycles
// only — imports that survive compilation, which is where a cycle changes what a module sees
// while it loads; a cycle of type-only imports between two layers is caught by the layer rules.

/** The composition root: builds the app and wires channels, services and storage together. */
const ROOT = ["^src/(app|main|cli)\\.ts$", "^src/cli/"];
const CHANNELS = "^src/channels/";

/** What every channel may use: the interface, the registry's types and the shared utilities. */
const CHANNEL_COMMONS = ["^src/channels/channel\\.ts$", "^src/channels/shared/"];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No module may import itself through others at run time.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "core-only-core",
      comment: "The dialog core knows no platform, storage, feature or data file: it imports only itself.",
      severity: "error",
      from: { path: "^src/core/" },
      to: { path: "^src/", pathNot: "^src/core/" },
    },
    {
      name: "core-packages",
      comment: "Of packages, the core uses zod (events) and Fluent (texts); of Node, fs and path (reading locales/).",
      severity: "error",
      from: { path: "^src/core/" },
      to: { dependencyTypes: ["npm", "npm-dev", "npm-optional", "npm-peer", "npm-no-pkg", "npm-unknown", "core"], pathNot: ["^node_modules/(zod|@fluent/bundle)/", "^(node:)?(fs|path)$"] },
    },
    {
      name: "channels-only-from-root",
      comment: "A channel is wired in by the composition root (through the registry); only channel code and the root import it.",
      severity: "error",
      from: { path: "^src/", pathNot: [...ROOT, CHANNELS] },
      to: { path: CHANNELS },
    },
    {
      name: "channels-keep-to-themselves",
      comment: "One channel does not reach into another's folder; what they share is in channel.ts and shared/.",
      severity: "error",
      from: { path: "^src/channels/([^/]+)/", pathNot: "^src/channels/shared/" },
      to: { path: CHANNELS, pathNot: ["^src/channels/$1/", ...CHANNEL_COMMONS] },
    },
    {
      name: "shared-channel-code-names-no-channel",
      comment: "The shared utilities and the interface serve every channel and name none.",
      severity: "error",
      from: { path: CHANNEL_COMMONS },
      to: { path: CHANNELS, pathNot: CHANNEL_COMMONS },
    },
    {
      name: "flows-not-root",
      comment: "Features get what they need through their context, never from the composition root.",
      severity: "error",
      from: { path: "^src/flows/" },
      to: { path: ROOT },
    },
    {
      name: "domain-pure",
      comment: "The domain (rules and record shapes) imports only itself and the core.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: "^src/", pathNot: ["^src/domain/", "^src/core/"] },
    },
    {
      name: "services-below-features",
      comment: "Services are the rules the features call; they never call back into features or the root.",
      severity: "error",
      from: { path: "^src/services/" },
      to: { path: ["^src/flows/", ...ROOT] },
    },
    {
      name: "knowledge-below-services",
      comment: "knowledge/ loads data/; it uses neither services, features, storage nor the root.",
      severity: "error",
      from: { path: "^src/knowledge/" },
      to: { path: ["^src/(services|flows|store)/", ...ROOT] },
    },
    {
      name: "store-below-services",
      comment: "Storage implements the repositories; record shapes come from the domain, never from services.",
      severity: "error",
      from: { path: "^src/store/" },
      to: { path: ["^src/(services|flows|knowledge)/", ...ROOT] },
    },
  ],
  allowed: [],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^src/channels/web/page/", "^src/channels/desk/assets/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
