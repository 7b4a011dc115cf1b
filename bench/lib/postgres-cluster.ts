import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statfsSync } from "node:fs";
import { appendFile, chown, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { migrate } from "../../src/store/postgres/migrate.js";
import { installDebianPackages, isRoot } from "./debian-packages.js";

/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: its own data folder, port and socket
 * folder, settings for speed (no fsync unless asked), a template database migrated once, and a
 * fresh database copied from it in milliseconds. The tests start one per run (test/store/postgres-setup.ts);
 * the benchmarks one per benchmark.
 */

const run = promisify(execFile);

/** What test files need to reach the cluster (serialisable: it crosses to the workers). */
export interface TestClusterInfo {
  /** The socket folder. */
  host: string;
  port: number;
  user: string;
  /** The migrated database that test databases are copied from. */
  template: string;
}


export interface TestCluster {
  readonly info: TestClusterInfo;
  /** The data folder (owned by the postgres OS user when the tests run as root). */
  readonly dir: string;
  stop(): Promise<void>;
}

const TEMPLATE = "template_nscl";
const INSTALL_HINT = "PostgreSQL is not installed: apt-get install postgresql (the tests start their own throwaway cluster)";

/** initdb and pg_ctl: Debian's /usr/lib/postgresql/<version>/bin (the newest), else the PATH. */
async function findBinaries(): Promise<string | null> {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, "bin", "initdb")) && existsSync(path.join(root, v, "bin", "pg_ctl")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], "bin");
  }
  try {
    const { stdout } = await run("sh", ["-c", "command -v initdb"]);
    const found = stdout.trim();
    if (found && existsSync(path.join(path.dirname(found), "pg_ctl"))) return path.dirname(found);
  } catch {
    // not on the PATH
  }
  return null;
}

/** Installs Debian's PostgreSQL when the tests run as root on a machine with apt-get; otherwise says what to install. */
async function ensureBinaries(): Promise<string> {
  const found = await findBinaries();
  if (found) return found;
  if (await installDebianPackages(["postgresql", "postgresql-contrib"])) {
    const installed = await findBinaries();
    if (installed) return installed;
  }
  throw new Error(INSTALL_HINT);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

/** Runs a PostgreSQL program, as the postgres OS user when we are root (PostgreSQL refuses to run as root). */
async function asOwner(bin: string, program: string, args: string[]): Promise<void> {
  const file = path.join(bin, program);
  try {
    if (isRoot()) await run("runuser", ["-u", "postgres", "--", file, ...args], { maxBuffer: 16 * 1024 * 1024 });
    else await run(file, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${program} failed: ${(e.stderr || e.message).trim().split("\n").slice(-3).join(" | ")}`);
  }
}

async function ownerIds(): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error("PostgreSQL is installed but there is no postgres OS user to run it as");
  return { uid, gid };
}

/**
 * Where the cluster lives: in memory (/dev/shm) when there is room — a database copied from the
 * template is ready in ~15 ms there, ~160 ms on this machine's disk — else the temporary folder.
 */
function clusterParent(): string {
  try {
    const fs = statfsSync("/dev/shm");
    if (fs.bavail * fs.bsize >= 1024 ** 3) return "/dev/shm";
  } catch {
    // no /dev/shm
  }
  return tmpdir();
}

export function clusterUrl(info: TestClusterInfo, database: string): string {
  return `postgresql://${info.user}@localhost:${info.port}/${database}?host=${encodeURIComponent(info.host)}`;
}

export interface ClusterOptions {
  /**
   * PostgreSQL's defaults (fsync, synchronous commit, full-page writes) as a deployment runs it,
   * on the disk rather than in memory: for benchmarks. Off (the default, for tests): no fsync.
   */
  durable?: boolean;
  /** More memory for the server (benchmarks on a national-size dataset). */
  sharedBuffers?: string;
}

/** Starts a cluster in a new temporary folder and migrates the template database. */
export async function startTestCluster(options: ClusterOptions = {}): Promise<TestCluster> {
  const bin = await ensureBinaries();
  const dir = await mkdtemp(path.join(options.durable ? tmpdir() : clusterParent(), "nscl-pg-"));
  const data = path.join(dir, "data");
  const socket = path.join(dir, "sock");
  await mkdir(socket);
  if (isRoot()) {
    const { uid, gid } = await ownerIds();
    await chown(dir, uid, gid);
    await chown(socket, uid, gid);
  }
  const port = await freePort();
  let started = false;
  const stop = async () => {
    if (started) await asOwner(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
    started = false;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await asOwner(bin, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    await appendFile(
      path.join(data, "postgresql.conf"),
      [
        "",
        "# nscl-bot tests: a throwaway cluster",
        `port = ${port}`,
        "listen_addresses = ''",
        `unix_socket_directories = '${socket}'`,
        ...(options.durable ? [] : ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]),
        ...(options.sharedBuffers ? [`shared_buffers = ${options.sharedBuffers}`] : []),
        "max_connections = 300",
        "",
      ].join("\n"),
    );
    await asOwner(bin, "pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
    started = true;
    const info: TestClusterInfo = { host: socket, port, user: "postgres", template: TEMPLATE };
    await admin(info, async (client) => void (await client.query(`CREATE DATABASE ${TEMPLATE}`)));
    const client = new pg.Client({ connectionString: clusterUrl(info, TEMPLATE) });
    await client.connect();
    try {
      await migrate(client, clusterUrl(info, TEMPLATE));
    } finally {
      await client.end();
    }
    return { info, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function admin<T>(info: TestClusterInfo, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: clusterUrl(info, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabaseOptions {
  name?: string;
  /** An empty database (no tables, not migrated) instead of a copy of the migrated template. */
  empty?: boolean;
  /** Copy this database instead (a prepared dataset). */
  template?: string;
}

/** A new database copied from the migrated template (or an empty one); its URL. */
export async function createTestDatabase(info: TestClusterInfo, options: TestDatabaseOptions = {}): Promise<string> {
  const name = options.name ?? `t_${randomBytes(6).toString("hex")}`;
  const template = options.empty ? "template0" : (options.template ?? info.template);
  if (!/^[a-z_][a-z0-9_]*$/.test(template)) throw new Error(`bad template database name ${template}`);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad test database name ${name}`);
  await admin(info, async (client) => {
    // Copies made at the same moment from one template can collide ("source database is being accessed"): try again.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        return;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 25 + Math.random() * 50));
      }
    }
  });
  return clusterUrl(info, name);
}

