"""Site search that finds a Japanese word inside a longer one: Material's search worker behind a shim.

Design notes
------------
* Material's search (the theme's, with ``lang: [en, ja]``) builds a lunr index in a web worker from
  ``search/search_index.json``. The ``separator`` of ``plugins.search`` (mkdocs.yml) splits the text at
  white space, punctuation, numbers and where the script changes, so a word of the index is a run of
  kanji, of katakana or of hiragana; lunr's Japanese support then cuts runs further with TinySegmenter,
  a statistical segmenter without a dictionary, which keeps a katakana run whole. What is typed is
  searched as the beginning of a word (Material adds ``*``): コンテンツ missed デジタルコンテンツ,
  クレジット missed サービスクレジット, and a compound typed whole missed a page on which TinySegmenter
  had cut it apart.
* :data:`WORKER_JS` is loaded as the search worker in Material's place (:func:`with_worker` names it in
  the page's ``__config``); it loads Material's worker and changes lunr so that a Japanese word is
  indexed whole and from each of its characters on (デジタルコンテンツ, ジタルコンテンツ, …,
  コンテンツ, …): a typed word, searched as the beginning of an indexed word, is found anywhere in a
  word, so every part of a compound is found (コンテンツ, 管理, 通知 in 障害通知) and the compound
  typed whole as well. TinySegmenter is not used (whole runs need no cutting). A typed Japanese word
  that a page holds is searched whole; one that no page holds (障害通知) is cut into the longest parts
  pages hold (障害, 通知), in place of Material's cutting of a typed run of kanji into the longest words
  the index holds, which with every ending indexed cut 通知 down to 通 (any page with 通). A word matched
  through two of its endings is marked once in the results (two ``<mark>`` at one place nested). English
  words are indexed and searched as before.
* Other approaches weighed: a better segmenter (a dictionary one, MeCab or Janome, at build time) would
  also have to cut what is typed, in the browser, the same way, and still misses words not in its
  dictionary (names, new katakana words); character bi-grams find substrings but match a word's
  bi-grams anywhere on a page (not the word) and overlap, which Material's result highlighting cannot
  mark. Indexing each ending is exact (a page is found when it holds what is typed, within a word) and
  costs about 1.4 times the distinct words of the index (the project's Japanese site: 8,000 to 11,500).
* The shim's file name holds a hash of its text (which names Material's worker), as Material's own
  assets do, so a browser never keeps an old one.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from typing import Any

from jinja2.utils import htmlsafe_json_dumps

__all__ = ["MATERIAL_WORKER", "WORKER_JS", "with_worker", "worker_js", "worker_uri"]

#: Material's search worker among the theme's files (its name carries a hash of its content).
MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")

#: The worker: Material's (``MATERIAL_WORKER_NAME``, in the same folder), with lunr changed (module notes).
WORKER_JS = """\
/* sla-dsl's site search: Material's search worker, with a Japanese word found inside a longer one. */
"use strict";
(function () {
  /* A Japanese word: a run of kanji, of katakana or of hiragana (with ー and 々); the search's separator
     splits the index's text where the script changes */
  var JAPANESE = /^[\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}]+$/u;
  var TYPED = /\\p{scx=Han}+|\\p{scx=Katakana}+|\\p{scx=Hiragana}+/gu;
  var HAN = /\\p{sc=Han}/u;
  var words = [];  /* the index's words and their endings, sorted: what a page holds */

  /* Material's worker, its message handler given each query as rewritten by typed() */
  var listen = self.addEventListener;
  self.addEventListener = function (type, listener, options) {
    var handler = type !== "message" ? listener : function (ev) {
      var data = ev.data;
      if (data && typeof data.data === "string") {  /* a query (the set-up message holds the index) */
        data = Object.assign({}, data, {data: typed(data.data)});
      }
      return listener.call(this, {data: data});
    };
    return listen.call(self, type, handler, options);
  };
  try {
    importScripts(MATERIAL_WORKER_NAME);
  } finally {
    self.addEventListener = listen;
  }
  var lunr = self.lunr;

  /* Whether some page holds `part` (within a word) */
  function held(part) {
    var lo = 0, hi = words.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (words[mid] < part) { lo = mid + 1; } else { hi = mid; }
    }
    return lo < words.length && words[lo].slice(0, part.length) === part;
  }

  /* The query with each typed Japanese word that no page holds cut into the longest parts pages hold
     (障害通知 into 障害 and 通知 when no page says 障害通知); a word a page holds is searched whole */
  function typed(query) {
    if (!words.length) {
      return query;
    }
    return query.replace(TYPED, function (word, at) {
      var lower = word.toLowerCase();
      if (held(lower)) {
        return word;
      }
      var chars = Array.from(lower), parts = [], rest = "";
      for (var i = 0; i < chars.length;) {
        var j = chars.length;
        while (j > i && !held(chars.slice(i, j).join(""))) { j--; }
        if (j === i) {  /* on no page: searched as typed, and shown as missing */
          rest += chars[i++];
          continue;
        }
        if (rest) { parts.push(rest); rest = ""; }
        parts.push(chars.slice(i, j).join(""));
        i = j;
      }
      if (rest) { parts.push(rest); }
      var sign = /[+-]/.test(query.charAt(at - 1)) ? query.charAt(at - 1) : "";
      return parts.join(" " + sign);
    });
  }

  /* The index holds a Japanese word whole and from each of its characters on, every ending at the word's
     place on the page: what is typed is searched as the beginning of a word, so it is found anywhere in
     one (コンテンツ in デジタルコンテンツ, 通知 in 障害通知) */
  function endings(token) {
    var word = token.toString();
    var chars = Array.from(word);
    if (chars.length < 2 || !JAPANESE.test(word)) {
      return token;
    }
    var out = [token];
    chars.forEach(function (_, i) {
      if (i > 0) {
        out.push(token.clone(function () { return chars.slice(i).join(""); }));
      }
    });
    return out;
  }
  lunr.Pipeline.registerFunction(endings, "slaJapaneseEndings");

  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function (doc, attributes) {
    /* whole runs need no segmenter; TinySegmenter cut some apart, and a compound typed whole missed them */
    lunr.segmenter = undefined;
    if (this.pipeline._stack.indexOf(endings) < 0) {
      this.pipeline.add(endings);
    }
    return add.call(this, doc, attributes);
  };

  /* Material cuts a typed run of kanji into the longest words the index holds (asking `word in index`);
     with every ending indexed that cut 通知 down to 通: answer no, typed() has cut what needs cutting */
  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    var index = build.call(this);
    words = Object.keys(index.invertedIndex).sort();
    index.invertedIndex = new Proxy(index.invertedIndex, {
      has: function (target, key) {
        return !(typeof key === "string" && HAN.test(key)) && key in target;
      }
    });
    return index;
  };

  /* A word matched through two of its endings (サービス and サービスクレジット typed together) is marked
     once: two marks at one place broke the result's markup */
  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (fn) {
    return query.call(this, fn).map(function (result) {
      var seen = Object.create(null);
      var terms = result.matchData.metadata;
      var kept = Object.create(null);
      Object.keys(terms).forEach(function (term) {
        kept[term] = Object.create(null);
        Object.keys(terms[term]).forEach(function (field) {
          var data = terms[term][field];
          var positions = (data.position || []).filter(function (p) {
            var key = field + " " + p;
            return seen[key] ? false : (seen[key] = true);
          });
          kept[term][field] = Object.assign({}, data, {position: positions});
        });
      });
      result.matchData.metadata = kept;
      return result;
    });
  };
})();
"""

_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def worker_js(material_worker: str) -> str:
    """The worker's text, loading Material's worker ``material_worker`` (its file name, next to it)."""
    return WORKER_JS.replace("MATERIAL_WORKER_NAME", json.dumps(posixpath.basename(material_worker)))


def worker_uri(material_worker: str) -> str:
    """Where the worker goes: in Material's worker's folder, its name with a hash of its text."""
    digest = hashlib.sha256(worker_js(material_worker).encode("utf-8")).hexdigest()[:8]
    return f"{posixpath.dirname(material_worker)}/sla-search.{digest}.js"


def with_worker(output: str, material_worker: str, ours: str) -> str:
    """``output`` (a whole page) with the search worker of Material's ``__config`` our worker ``ours`` where
    it was Material's ``material_worker`` (both their paths in the site; the URL's folder stays as it is:
    relative on a page, absolute on a 404 page)."""
    old, new = posixpath.basename(material_worker), posixpath.basename(ours)

    def replace(match: re.Match[str]) -> str:
        data: dict[str, Any] = json.loads(match.group(2))
        url = data.get("search")
        if not isinstance(url, str) or posixpath.basename(url) != old:
            return match.group(0)
        data["search"] = url[: -len(old)] + new
        return f"{match.group(1)}{htmlsafe_json_dumps(data, sort_keys=True)}{match.group(3)}"

    return _CONFIG.sub(replace, output, count=1)
