"""Fitting a `LinearModel` (logistic regression over binary string features) with scikit-learn."""

from __future__ import annotations

from collections.abc import Sequence

from store.extract.speaker_model import LinearModel

SEED = 0


def fit_linear(rows: Sequence[Sequence[str]], labels: Sequence[bool], c: float) -> LinearModel:
    """Weights for the features of `rows` (L2-regularised, strength 1/c), rounded
    to four places; zero weights are left out of the model file."""
    from sklearn.feature_extraction import (  # type: ignore[import-untyped,import-not-found,unused-ignore]
        DictVectorizer,
    )
    from sklearn.linear_model import (  # type: ignore[import-untyped,import-not-found,unused-ignore]
        LogisticRegression,
    )

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict.fromkeys(features, 1) for features in rows])
    model = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    model.fit(x, list(labels))
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): round(float(w), 4)
        for name, w in zip(names, model.coef_[0], strict=True)
        if abs(w) >= 1e-4
    }
    return LinearModel(round(float(model.intercept_[0]), 4), weights)
