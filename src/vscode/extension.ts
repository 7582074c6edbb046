import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const out = vscode.window.createOutputChannel('News Annotator', { log: true });
  context.subscriptions.push(out);
  out.info('News Annotator activated');
}

export function deactivate(): void {}
