/**
 * Who decides: the name recorded as `by:` on each decision. The `newsAnnotator.reviewer` setting
 * (user settings only: a folder cannot say who you are), else git's `user.name` (or `user.email`)
 * for the article's workspace folder — read by running `git config` with an argument list, no
 * shell, never with text from an article, cached per folder and asked again in the background when
 * it may have changed — else nothing. Never a time stamp: the same decision by the same
 * person writes the same line, so files merge cleanly.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import * as vscode from 'vscode';
import { cleanReviewer } from '../core/review/reviewer';
import type { DecisionContext } from '../core/sidecar/corrections';
import { SETTINGS_SECTION, Settings } from './ids';

/** git's answer for each folder (undefined: not asked yet; null: none). */
const fromGit = new Map<string, string | null>();
const pending = new Map<string, Promise<string | null>>();
/** When each folder's answer was last asked for: older answers are asked again in the background. */
const askedAt = new Map<string, number>();
/** How long git's answer is used before it is asked again (it is used meanwhile). */
const RECHECK_MS = 5000;

function gitConfig(cwd: string, key: string, global: boolean): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['config', ...(global ? ['--global'] : []), '--get', key],
      { cwd, timeout: 3000, windowsHide: true, encoding: 'utf8' },
      (err, stdout) => {
        resolve(err ? null : cleanReviewer(stdout));
      },
    );
  });
}

/** git's user.name, else user.email, for a folder (the folder's own config, else the user's global one). */
async function askGit(folder: string): Promise<string | null> {
  for (const global of [false, true]) {
    const cwd = global ? os.homedir() : folder;
    const name = (await gitConfig(cwd, 'user.name', global)) ?? (await gitConfig(cwd, 'user.email', global));
    if (name) return name;
  }
  return null;
}

function folderKey(uri: vscode.Uri | undefined): string | null {
  const f = uri ? vscode.workspace.getWorkspaceFolder(uri) : vscode.workspace.workspaceFolders?.[0];
  return f && f.uri.scheme === 'file' ? f.uri.fsPath : null;
}

/** Starts reading git's identity for every workspace folder (decisions made before it answers carry only the setting). */
export function prefetchReviewers(): Promise<void> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  return Promise.all(folders.map((f) => resolveFolder(f))).then(() => undefined);
}

function resolveFolder(folder: string, again = false): Promise<string | null> {
  if (fromGit.has(folder) && !again) return Promise.resolve(fromGit.get(folder)!);
  let p = pending.get(folder);
  if (!p) {
    askedAt.set(folder, Date.now());
    p = askGit(folder).then((r) => {
      fromGit.set(folder, r);
      pending.delete(folder);
      return r;
    });
    pending.set(folder, p);
  }
  return p;
}

/** The reviewer's name from the setting (the user's own value only). */
function fromSetting(): string | null {
  const inspected = vscode.workspace.getConfiguration(SETTINGS_SECTION).inspect<string>(Settings.reviewer);
  return cleanReviewer(inspected?.globalValue ?? '');
}

/** Who decides on an article now: the setting, else git's identity for its folder, else nobody. */
export function reviewerFor(uri?: vscode.Uri): string | undefined {
  const set = fromSetting();
  if (set) return set;
  const folder = folderKey(uri);
  if (!folder) return undefined;
  const known = fromGit.get(folder);
  if (known === undefined || Date.now() - (askedAt.get(folder) ?? 0) > RECHECK_MS) void resolveFolder(folder, true);
  return known ?? undefined;
}

/** Resolves once git has answered for the article's folder (for tests and the first decision). */
export async function reviewerReady(uri?: vscode.Uri): Promise<string | undefined> {
  const folder = folderKey(uri);
  if (folder) await resolveFolder(folder);
  return reviewerFor(uri);
}

/** The context a correction of the article is made in. */
export function decisionContext(uri?: vscode.Uri): DecisionContext {
  const by = reviewerFor(uri);
  return by ? { by } : {};
}

/**
 * Keeps the cache honest: folders added or removed are asked again, and so are all folders when a
 * git configuration changes (the folder's `.git/config`, the user's `~/.gitconfig`) and when an
 * answer is more than a few seconds old at the next decision (a config the watchers cannot see: an
 * include, `git config --system`). Until git has answered again, the name it gave before stays in use.
 */
export function registerReviewer(): vscode.Disposable[] {
  void prefetchReviewers();
  const askAgain = () => {
    for (const f of (vscode.workspace.workspaceFolders ?? []).filter((x) => x.uri.scheme === 'file'))
      void resolveFolder(f.uri.fsPath, true);
  };
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((x) => x.uri.scheme === 'file');
  const watchers = [
    ...folders.map((f) => new vscode.RelativePattern(f, '.git/config')),
    new vscode.RelativePattern(vscode.Uri.file(os.homedir()), '.gitconfig'),
  ].map((p) => vscode.workspace.createFileSystemWatcher(p));
  return [
    ...watchers,
    ...watchers.flatMap((w) => [w.onDidChange(askAgain), w.onDidCreate(askAgain), w.onDidDelete(askAgain)]),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      fromGit.clear();
      void prefetchReviewers();
    }),
  ];
}
