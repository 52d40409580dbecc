"""Issue 14, 朗读本页: hidden without a Chinese voice; with one (a stub: headless Chromium has none) it reads in order."""

from __future__ import annotations

import pytest

from faqgen.browser import PHONE

pytestmark = pytest.mark.browser
QA = "/q/jiebei-10k-unpaid-jail/"
# A stand-in for the browser's speech synthesis: records what is spoken; window.__finish() ends the current line.
STUB = """(() => {
  const spoken = [];
  let current = null;
  const voices = %s;
  const stub = {
    speaking: false, paused: false,
    getVoices: () => voices,
    speak(u) { spoken.push({text: u.text, lang: u.lang}); current = u; this.speaking = true; },
    pause() { this.paused = true; }, resume() { this.paused = false; },
    cancel() { current = null; this.speaking = false; spoken.push({cancel: true}); },
    addEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', {value: stub, configurable: true});
  window.__spoken = spoken;
  window.__finish = () => { const u = current; if (u && u.onend) u.onend(); };
})();"""


def tab_with_voices(browser, voices: str):
    """A phone tab whose speechSynthesis offers the given voices."""
    context = browser.new_context(**PHONE)
    context.add_init_script(STUB % voices)
    return context, context.new_page()


def test_hidden_without_a_chinese_voice(browser, site_url: str) -> None:
    for voices in ("[]", "[{lang: 'en-US', name: 'English'}]"):
        context, tab = tab_with_voices(browser, voices)
        tab.goto(site_url + QA)
        tab.wait_for_timeout(200)
        assert tab.locator("[data-read-aloud]").count() == 1
        assert not tab.locator("[data-read-aloud]").is_visible(), voices
        context.close()


def test_not_on_other_pages(page, site_url: str) -> None:
    page.goto(f"{site_url}/channels/")
    assert page.locator("[data-read-aloud]").count() == 0


def test_reads_title_short_answer_and_body_with_controls(browser, site_url: str) -> None:
    context, tab = tab_with_voices(browser, "[{lang: 'zh-CN', name: '中文'}]")
    tab.goto(site_url + QA)
    controls = tab.get_by_role("group", name="朗读本页")
    controls.get_by_role("button", name="朗读本页").click()
    spoken = tab.evaluate("window.__spoken")
    title = tab.inner_text("article h1")
    assert spoken[0] == {"text": title.removesuffix("#").strip(), "lang": "zh-CN"}  # without the permalink sign
    assert tab.evaluate("document.querySelector('.read-aloud-current').tagName") == "H1"

    tab.evaluate("window.__finish()")  # the title is done: the short answer comes next, highlighted
    short = tab.inner_text(".short-answer > p:not(.short-answer__label)")
    assert tab.evaluate("window.__spoken")[1]["text"] == " ".join(short.split())
    assert tab.evaluate("document.querySelector('.read-aloud-current').closest('.short-answer') !== null")

    controls.get_by_role("button", name="暂停").click()
    assert tab.evaluate("speechSynthesis.paused") is True
    controls.get_by_role("button", name="继续").click()
    assert tab.evaluate("speechSynthesis.paused") is False
    tab.evaluate("window.__finish()")
    texts = [s.get("text", "") for s in tab.evaluate("window.__spoken")]
    assert len(texts) == 3 and texts[2]  # a body paragraph
    assert not any("常见问法" in t or "本页是一般性信息" in t for t in texts)

    controls.get_by_role("button", name="停止").click()
    assert tab.evaluate("window.__spoken").pop() == {"cancel": True}
    assert tab.locator(".read-aloud-current").count() == 0
    assert controls.get_by_role("button", name="朗读本页").is_visible()
    context.close()
