/**
 * Where uploaded files (and, later, issued letters) are kept: a small interface over a store of opaque
 * keys, so the portal never builds a path from anything a person typed. The local-disk store keeps them
 * under FILES_DIR (default `<DATA_DIR or "data">/files`, outside public/, so nothing is served except
 * through an authorised route). An S3-compatible store can implement the same interface later.
 *
 * A write goes to a temporary name and is renamed into place only once every byte is on disk, so an
 * interrupted or refused write leaves nothing under its key (and its temporary file is removed).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";

export interface StoredObject {
  key: string;
  /** When it was written (UTC ISO), for sweeping objects that nothing refers to. */
  modifiedAt: string;
}

export interface FileStorage {
  /** A short description for logs and the start-up banner (never a secret). */
  readonly description: string;
  /**
   * Writes the stream under `key`. Resolves once it is complete; if the stream fails (or a transform in
   * it refuses the data) nothing is left under the key and the error is passed on.
   */
  put(key: string, body: Readable | AsyncIterable<Uint8Array>): Promise<{ sizeBytes: number }>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Readable | null>;
  /** Removes the object; no error when it is already gone. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every object whose key starts with `prefix` (for sweeping orphans). */
  list(prefix: string): AsyncIterable<StoredObject>;
}

/** Keys are ours alone: lower-case letters, digits and hyphens in slash-separated parts. */
const KEY = /^[a-z0-9][a-z0-9-]{0,63}(\/[a-z0-9][a-z0-9-]{0,63}){0,4}$/;

export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key.slice(0, 80))}`);
}

/** A new random key under `prefix` ("documents" → "documents/3f9c…"), 128 bits of randomness. */
export function newStorageKey(prefix: string): string {
  const key = `${prefix}/${randomBytes(16).toString("hex")}`;
  assertKey(key);
  return key;
}

const TMP = ".tmp";

/** Files on a local disk (or a shared volume mounted on every instance). */
export class LocalDiskStorage implements FileStorage {
  readonly root: string;
  readonly description: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.description = `local disk at ${this.root}`;
  }

  /** A key's file: `documents/3f9c…` → `<root>/documents/3f/3f9c…` (spread over folders, never outside root). */
  private pathOf(key: string): string {
    assertKey(key);
    const parts = key.split("/");
    const name = parts.pop()!;
    const file = path.join(this.root, ...parts, name.slice(0, 2), name);
    if (!file.startsWith(this.root + path.sep)) throw new Error("Storage key outside the storage folder");
    return file;
  }

  async put(key: string, body: Readable | AsyncIterable<Uint8Array>): Promise<{ sizeBytes: number }> {
    const target = this.pathOf(key);
    const tmpDir = path.join(this.root, TMP);
    await fsp.mkdir(tmpDir, { recursive: true });
    await fsp.mkdir(path.dirname(target), { recursive: true });
    const tmp = path.join(tmpDir, `${randomBytes(12).toString("hex")}.part`);
    let sizeBytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done: TransformCallback) {
        sizeBytes += chunk.length;
        done(null, chunk);
      },
    });
    try {
      // `flush`: on disk (fsync) before the file is closed, so before it appears under its key.
      await pipeline(body instanceof Readable ? body : Readable.from(body), counter, fs.createWriteStream(tmp, { flags: "wx", mode: 0o600, flush: true }));
      await fsp.rename(tmp, target);
    } catch (error) {
      await fsp.rm(tmp, { force: true });
      throw error;
    }
    return { sizeBytes };
  }

  async get(key: string): Promise<Readable | null> {
    const file = this.pathOf(key);
    try {
      const handle = await fsp.open(file, "r");
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await fsp.stat(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    assertKey(prefix);
    const dir = path.join(this.root, ...prefix.split("/"));
    let shards: fs.Dirent[];
    try {
      shards = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const shard of shards.filter((d) => d.isDirectory() && /^[a-z0-9-]{1,2}$/.test(d.name))) {
      for (const file of await fsp.readdir(path.join(dir, shard.name), { withFileTypes: true })) {
        const key = `${prefix}/${file.name}`;
        if (!file.isFile() || !KEY.test(key)) continue;
        const stat = await fsp.stat(path.join(dir, shard.name, file.name)).catch(() => null);
        if (stat) yield { key, modifiedAt: stat.mtime.toISOString() };
      }
    }
  }

  /** Removes temporary files older than `olderThan` (left by a process that died mid-write). */
  async sweepTemporary(olderThan: Date): Promise<number> {
    const dir = path.join(this.root, TMP);
    let removed = 0;
    for (const name of await fsp.readdir(dir).catch(() => [] as string[])) {
      const file = path.join(dir, name);
      const stat = await fsp.stat(file).catch(() => null);
      if (stat && stat.mtime < olderThan) {
        await fsp.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}

/** FILES_DIR, else `<DATA_DIR or "data">/files`. */
export function filesDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.FILES_DIR || path.join(env.DATA_DIR || "data", "files"));
}

const stores = new Map<string, LocalDiskStorage>();

/** The portal's file store, from the environment (read on each call, so tests can point it elsewhere). */
export function fileStorage(env: Record<string, string | undefined> = process.env): LocalDiskStorage {
  const dir = filesDir(env);
  let store = stores.get(dir);
  if (!store) {
    store = new LocalDiskStorage(dir);
    stores.set(dir, store);
  }
  return store;
}
