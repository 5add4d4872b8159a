"""Layout of the evaluator: who serves here, then the five levels, the reasons, the thanks.

Widgets only; ``EvaluatorWindow`` fills them and reacts to keys. Four pages in a stack:
``serving_page`` (photo place, clerk, counter, ticket), ``levels_page`` (five big buttons,
keys 1–5), ``details_page`` (reasons for a bad review, an optional comment, submit) and
``thanks_page``. Level and reason names come from the core in the chosen language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clerk_app.domain.evaluation import COMMENT_MAX, Level, Reason, level_label, reason_label


def label(name: str, text: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setObjectName(name)
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    widget.setWordWrap(True)
    return widget


class EvaluatorView(QWidget):
    def __init__(self, hall_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hall_label = QLabel(hall_name)
        self.hall_label.setObjectName("EvaluatorHall")
        self.counter_label = QLabel()
        self.counter_label.setObjectName("EvaluatorCounter")
        self.counter_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        top = QHBoxLayout()
        top.addWidget(self.hall_label, 1)
        top.addWidget(self.counter_label)

        self.stack = QStackedWidget()
        self.serving_page = self._build_serving_page()
        self.levels_page = self._build_levels_page()
        self.details_page = self._build_details_page()
        self.thanks_page = self._build_thanks_page()
        for page in (self.serving_page, self.levels_page, self.details_page, self.thanks_page):
            self.stack.addWidget(page)
        self.footer_label = label("EvaluatorFooter")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 20, 36, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.footer_label)

    def _build_serving_page(self) -> QWidget:
        page = QWidget()
        self.photo_label = label("ClerkPhoto", self.tr("Photo"))
        self.photo_label.setFixedSize(180, 240)
        self.clerk_label = label("ClerkName")
        self.clerk_role_label = label("ClerkRole")
        self.status_label = label("ServingStatus")
        card = QFrame()
        card.setObjectName("ClerkCard")
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(self.clerk_label)
        column.addWidget(self.clerk_role_label)
        column.addSpacing(16)
        column.addWidget(self.status_label)
        column.addStretch(1)
        row = QHBoxLayout(card)
        row.setContentsMargins(32, 24, 32, 24)
        row.setSpacing(32)
        row.addWidget(self.photo_label)
        row.addLayout(column, 1)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(card)
        layout.addStretch(1)
        return page

    def _build_levels_page(self) -> QWidget:
        page = QWidget()
        self.prompt_label = label("RatePrompt", self.tr("Please rate this service"))
        self.service_label = label("RateService")
        self.level_buttons: dict[Level, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(14)
        for level in Level:
            # One word a line ("Very / dissatisfied"): five buttons fit an upright screen in
            # English too; Chinese labels have no spaces and stay on one line.
            words = level_label(level).replace(" ", "\n")
            button = QPushButton(f"{int(level)}\n{words}")
            button.setObjectName("LevelButton")
            button.setProperty("bad", level >= Level.DISSATISFIED)
            button.setMinimumHeight(150)
            self.level_buttons[level] = button
            row.addWidget(button, 1)
        self.levels_hint = label("EvaluatorHint", self.tr("Press 1 to 5 or touch a button"))
        layout = QVBoxLayout(page)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.service_label)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(self.levels_hint)
        return page

    def _build_details_page(self) -> QWidget:
        page = QWidget()
        self.chosen_label = label("ChosenLevel")
        self.reasons_title = label(
            "ReasonsTitle", self.tr("What went wrong? (choose at least one)")
        )
        self.reason_boxes: dict[Reason, QCheckBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for i, reason in enumerate(Reason):
            box = QCheckBox(f"{i + 1}  {reason_label(reason)}")
            box.setObjectName("ReasonBox")
            self.reason_boxes[reason] = box
            # Two columns: the English reasons in three would not fit an upright tablet.
            grid.addWidget(box, i // 2, i % 2)
        self.reasons_area = QWidget()
        self.reasons_area.setLayout(grid)
        self.comment_edit = QLineEdit()
        self.comment_edit.setObjectName("CommentEdit")
        self.comment_edit.setMaxLength(COMMENT_MAX)
        self.comment_edit.setPlaceholderText(
            self.tr("Comment (optional, at most %1 characters)").replace("%1", str(COMMENT_MAX))
        )
        self.error_label = label("EvaluatorError")
        self.error_label.hide()
        self.back_button = QPushButton(self.tr("Back (Esc)"))
        self.back_button.setObjectName("BackButton")
        self.submit_button = QPushButton(self.tr("Submit (Enter)"))
        self.submit_button.setObjectName("SubmitButton")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.submit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setSpacing(14)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.reasons_title)
        layout.addWidget(self.reasons_area)
        layout.addWidget(self.comment_edit)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_thanks_page(self) -> QWidget:
        page = QWidget()
        self.thanks_label = label("ThanksText", self.tr("Thank you for your rating!"))
        self.thanks_detail = label("ThanksDetail")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.thanks_label)
        layout.addWidget(self.thanks_detail)
        layout.addStretch(1)
        return page

    def show_reasons(self, shown: bool) -> None:
        self.reasons_title.setVisible(shown)
        self.reasons_area.setVisible(shown)

    def chosen_reasons(self) -> list[Reason]:
        return [r for r, box in self.reason_boxes.items() if box.isChecked()]

    def reset_details(self) -> None:
        for box in self.reason_boxes.values():
            box.setChecked(False)
        self.comment_edit.clear()
        self.error_label.hide()
