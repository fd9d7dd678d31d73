// Copies the language server jar built by Maven into the extension, which ships it in the .vsix.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const jar = join(here, '..', '..', 'org.allo.lang.ide', 'target', 'allo.jar');
if (!existsSync(jar)) {
  console.error(`copy-server: ${jar} is missing; build it first with ./mvnw verify from the repository root`);
  process.exit(1);
}
mkdirSync(join(here, '..', 'server'), { recursive: true });
copyFileSync(jar, join(here, '..', 'server', 'allo.jar'));
