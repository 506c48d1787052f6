"""Per-host template learning (text and HTML mode): repeated lines/blocks become kind `template`."""
from __future__ import annotations

from .apply import article_texts, filter_body, learn_templates, observe_article
from .store import HostTemplate, TemplateStore, template_key

__all__ = ["HostTemplate", "TemplateStore", "article_texts", "filter_body", "learn_templates", "observe_article", "template_key"]
