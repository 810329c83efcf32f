// fold(text): the search key of a text, exactly as libya_israel_data.fold computes it.
function lidFold(text) {
  const F = LID_FOLDING;
  let s = text.normalize("NFKD").replace(/\p{M}/gu, "").normalize("NFC").toLowerCase();
  for (const [from, to] of Object.entries(F.arabic)) s = s.split(from).join(to);
  const word = "[\\p{L}\\p{N}]+";
  const joiners = new RegExp(F.joiners, "gu");
  const compounds = s.match(new RegExp(word + "(?:" + F.joiners + word + ")+", "gu")) || [];
  const joined = compounds.map((w) => w.replace(joiners, "")).join(" ");
  let words = (joined ? s + " " + joined : s).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  const letter = F.arabicLetter;
  words = (" " + words)
    .replace(new RegExp(" (?:" + F.prefixes.join("|") + ")(" + letter + "{2,})", "gu"), " $1")
    .replace(new RegExp(" و(" + letter + "{3,})", "gu"), " $1")
    .trim();
  return words;
}
