"""Look of the evaluator: a small screen facing the applicant, big friendly buttons.

"Heavy" text uses the heaviest weight the font really has (``public_screen.heavy_weight``): a
synthetic bold of a font without a bold face turns dense characters into blobs.
"""

from __future__ import annotations


def evaluator_style(heavy: int) -> str:
    return """
QWidget#EvaluatorWindow { background: #f4f7fb; }
QLabel { color: #1f2933; background: transparent; }
QLabel#EvaluatorHall { font-size: 22px; font-weight: HEAVY; color: #0b4ea2; }
QLabel#EvaluatorCounter { font-size: 26px; font-weight: HEAVY; color: #0b4ea2; }
QLabel#EvaluatorFooter { font-size: 16px; color: #6b7a90; }
QFrame#ClerkCard { background: white; border: 1px solid #d5deea; border-radius: 18px; }
QLabel#ClerkPhoto {
    background: #e6edf6; color: #8a9ab0; border: 2px dashed #b8c6d9; border-radius: 10px;
    font-size: 20px;
}
QLabel#ClerkName { font-size: 48px; font-weight: HEAVY; }
QLabel#ClerkRole { font-size: 22px; color: #41618f; }
QLabel#ServingStatus { font-size: 28px; color: #0b4ea2; }
QLabel#RatePrompt { font-size: 38px; font-weight: HEAVY; color: #0b4ea2; }
QLabel#RateService { font-size: 22px; color: #41618f; }
QLabel#EvaluatorHint { font-size: 18px; color: #6b7a90; }
QPushButton#LevelButton {
    font-size: 28px; font-weight: HEAVY; border-radius: 18px; padding: 12px;
    background: #2f8f4e; color: white; border: 3px solid transparent;
}
QPushButton#LevelButton[bad="true"] { background: #c8501d; }
QPushButton#LevelButton:focus { border-color: #ffd34d; }
QPushButton#LevelButton:pressed { background: #1f6b37; }
QLabel#ChosenLevel { font-size: 34px; font-weight: HEAVY; color: #0b4ea2; }
QLabel#ReasonsTitle { font-size: 22px; }
QCheckBox#ReasonBox { font-size: 24px; padding: 6px; }
QCheckBox#ReasonBox::indicator { width: 28px; height: 28px; }
QCheckBox#ReasonBox:focus { background: #fff3c4; border-radius: 6px; }
QLineEdit#CommentEdit {
    font-size: 22px; padding: 8px 12px; border-radius: 8px; border: 2px solid #b8c6d9;
    background: white;
}
QLineEdit#CommentEdit:focus { border-color: #0b4ea2; }
QLabel#EvaluatorError {
    font-size: 22px; font-weight: HEAVY; color: white; background: #c8161d;
    border-radius: 10px; padding: 10px 18px;
}
QPushButton#SubmitButton, QPushButton#BackButton {
    font-size: 26px; padding: 14px 40px; border-radius: 14px;
}
QPushButton#SubmitButton { background: #0b4ea2; color: white; border: none; }
QPushButton#BackButton { background: white; color: #0b4ea2; border: 2px solid #0b4ea2; }
QPushButton#SubmitButton:focus, QPushButton#BackButton:focus { border: 3px solid #ffd34d; }
QLabel#ThanksText { font-size: 52px; font-weight: HEAVY; color: #2f8f4e; }
QLabel#ThanksDetail { font-size: 24px; color: #41618f; }
""".replace("HEAVY", str(heavy))
