/** Run the command tree in this process with captured output (spawning is slow on a busy machine). */
import { main } from '../program.js';

export async function runInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`), tty: false });
  return { code, stdout, stderr };
}
