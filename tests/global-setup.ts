import {execFileSync} from 'node:child_process';

/** The CLI tests run the compiled `huibian` command exactly as users do: compile it once first. */
export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {stdio: 'inherit'});
}
