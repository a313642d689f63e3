/** Questions on the terminal. Hidden input echoes nothing, so a key never lands on screen. */
import * as readline from 'node:readline';

export interface Prompter {
  ask(question: string): Promise<string>;
  askHidden(question: string): Promise<string>;
}

export function ttyPrompter(input: NodeJS.ReadStream, output: NodeJS.WriteStream): Prompter {
  return {
    ask: (question) =>
      new Promise((resolve) => {
        const rl = readline.createInterface({ input, output, terminal: true });
        rl.question(question, (answer) => {
          rl.close();
          resolve(answer.trim());
        });
      }),
    askHidden: (question) =>
      new Promise((resolve, reject) => {
        output.write(question);
        let value = '';
        input.setRawMode(true);
        input.resume();
        input.setEncoding('utf8');
        const onData = (chunk: string) => {
          for (const ch of chunk) {
            if (ch === '\r' || ch === '\n') {
              finish();
              resolve(value.trim());
              return;
            }
            if (ch === '\u0003') {
              finish();
              reject(new Error('interrupted'));
              return;
            }
            if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
            else value += ch;
          }
        };
        const finish = () => {
          input.removeListener('data', onData);
          input.setRawMode(false);
          input.pause();
          output.write('\n');
        };
        input.on('data', onData);
      }),
  };
}
