// Imported FIRST by every renderer entry point (the page and the letter workers). Zod 4 probes `new Function('')` to
// decide whether it may compile fast parsers; our CSP forbids eval, so the probe is refused and reported as a CSP
// violation. Jitless mode skips the probe (and the compiled parsers), so no violation is reported.
import { z } from 'zod';

z.config({ jitless: true });
