// How many web chat uploads are read at once. A file at MEDIA_MAX_BYTES (20 MB) costs about 55 MB while its JSON
// body is read, parsed, checked and decoded (measured: 30 at once took the bots process from 150 MB to 1.7 GB), and
// all of that happens before the session's limits can be asked, since the session id is inside the body. Without
// a ceiling one address could send enough at once to stop the process, and with it every channel. Counted in this
// process, by address and overall, before the body is read; a refused upload is answered at once and calmly.

export interface UploadGate {
  /** A place for one upload from this address, to give back when its answer is done; null when there is none. */
  enter(address: string): (() => void) | null;
}

export function createUploadGate(perAddress: number, total: number): UploadGate {
  const byAddress = new Map<string, number>();
  let inFlight = 0;
  return {
    enter(address) {
      const mine = byAddress.get(address) ?? 0;
      if (inFlight >= total || mine >= perAddress) return null;
      inFlight += 1;
      byAddress.set(address, mine + 1);
      let given = false;
      return () => {
        if (given) return;
        given = true;
        inFlight -= 1;
        const left = (byAddress.get(address) ?? 1) - 1;
        if (left > 0) byAddress.set(address, left);
        else byAddress.delete(address);
      };
    },
  };
}
