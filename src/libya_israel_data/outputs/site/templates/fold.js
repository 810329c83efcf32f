// lidFoldQuery(text): the groups of a search, exactly as libya_israel_data.folding.fold_query
// folds it: [[phrases...], [forms...]] per distinct word. One pass over the text (linear time);
// a text longer than LID_FOLDING.maxLength (or `limit`) is refused before it is read. With
// `empty`, a text without a letter or digit gives no groups rather than an error.
const lidFoldQuery = (function () {
  const F = LID_FOLDING;
  const arabicFirst = new RegExp("^" + F.arabicFirst, "u");
  const hebrewFirst = new RegExp("^" + F.hebrewFirst, "u");
  const arabicPrefix = new RegExp("^(?:" + F.arabicPrefix + ")$", "u");
  const hebrewPrefix = new RegExp("^(?:" + F.hebrewPrefix + ")$", "u");
  const wordChar = /[\p{L}\p{N}]/u;
  const joiners = new Set(Array.from(F.joiners));
  const arabic = new Map(Object.entries(F.arabic));

  function normalize(text) {
    let s = text.normalize("NFKD");
    for (const tanween of F.tanweenAlef) s = s.split(tanween).join("");
    s = s.replace(/\p{M}/gu, "").normalize("NFC").toLowerCase();
    let out = "";
    for (const c of s) out += arabic.has(c) ? arabic.get(c) : c;
    return out;
  }
  function chunks(text) {
    const out = [];
    let parts = [];
    let word = "";
    for (const c of text + " ") {
      if (wordChar.test(c)) { word += c; continue; }
      if (word) { parts.push(word); word = ""; }
      if (!joiners.has(c) && parts.length) { out.push(parts); parts = []; }
    }
    return out;
  }
  const len = (s) => Array.from(s).length;
  const drop = (s, n) => Array.from(s).slice(n).join("");
  function stripSuffixes(w) {
    for (const suffix of F.suffixes) {
      if (w.endsWith(suffix) && len(w) - len(suffix) >= F.suffixRest) w = w.slice(0, -suffix.length);
    }
    return w;
  }
  function lightStem(w) {
    if (!arabicFirst.test(w)) return w;
    for (const article of F.articles) {
      if (w.startsWith(article) && len(w) - len(article) >= F.articleRest) {
        w = w.slice(article.length);
        break;
      }
    }
    return stripSuffixes(w);
  }
  function withoutPrefix(w, prefix, stem) {
    const out = [];
    const letters = Array.from(w);
    for (let k = 1; k <= 3; k++) {
      const rest = letters.slice(k).join("");
      if (letters.length - k < F.prefixRest) break;
      if (prefix.test(letters.slice(0, k).join(""))) {
        out.push(rest);
        if (stem) out.push(lightStem(rest));
      }
    }
    return out;
  }
  function unique(xs) {
    return Array.from(new Map(xs.map((x) => [JSON.stringify(x), x])).values());
  }
  function forms(w) {
    let out = [w];
    if (arabicFirst.test(w)) {
      out.push(lightStem(w));
      if (w.startsWith(F.lamLam) && len(w) - len(F.lamLam) >= F.articleRest) {
        const rest = drop(w, 2);
        out.push(rest, stripSuffixes(rest));
      }
      out = out.concat(withoutPrefix(w, arabicPrefix, true));
    } else if (hebrewFirst.test(w)) {
      out = out.concat(withoutPrefix(w, hebrewPrefix, false));
    }
    return unique(out);
  }
  function group(parts) {
    if (parts.length > 1 && parts[parts.length - 1] === "s") parts = parts.slice(0, -1);
    if (parts.length === 1) return [[[parts[0]]], forms(parts[0])];
    let phrases = [parts, [parts.join("")]];
    let found = [];
    if (F.latinArticles.includes(parts[0])) {
      const [p, f] = group(parts.slice(1));
      phrases = phrases.concat(p);
      found = found.concat(f);
    }
    return [unique(phrases), found];
  }
  return function (query, empty, limit) {
    const max = limit === undefined ? F.maxLength : limit;
    if (len(query) > max) {
      throw new Error("a search is at most " + max + " characters (" + len(query) + " given)");
    }
    const groups = unique(chunks(normalize(query)).map(group));
    if (!groups.length && !empty) throw new Error("search for at least one letter or digit");
    if (groups.length > F.maxWords && limit === undefined) {
      throw new Error("a search has at most " + F.maxWords + " different words");
    }
    return groups;
  };
})();
