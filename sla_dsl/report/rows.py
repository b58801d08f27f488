"""A report list whose rows are built when they are read: the long lists of a year's report.

Design notes
------------
* A year's log has a couple of hundred thousand incidents, each explained in
  a dozen steps: as pydantic models that is about 2 GB. The evaluator keeps
  compact verdicts and hands the report a :class:`Rows` for ``incidents`` and
  ``violations``: a sequence of known length and a function that builds row
  ``i`` (with its explanation) when it is read. ``report.incidents[i]``,
  iteration, slices, ``len`` and ``==`` give the same pydantic models, equal
  to those of a list built up front.
* A row that a caller holds is the row of the report: reading it again gives
  the same object (a weak cache), so a change made to it is seen by
  ``model_dump``. A row nobody holds any more is built again when read, from
  the same verdict. Any change to the list itself (``append``, ``del``,
  assignment, ``sort``...) first builds every row and from then on the list
  is an ordinary list inside.
* pydantic sees the fields as ``list[...]`` (the validation and JSON schemas
  are unchanged); :func:`built_on_read` is the serializer that hands pydantic
  the rows one at a time. It is a field serializer of the model
  (``field_serializer`` on a function of ``self``), not one in ``Annotated``:
  with ``serialize_as_any=True`` pydantic skips the latter and infers the
  value's type (a :class:`Rows`, which it does not know), but applies the
  former. It hands the rows in JSON mode (``model_dump(mode="json")``,
  ``model_dump_json``) as an iterator, so only one row is built at a time;
  in Python mode as a list of their dicts, each with the fields its row keeps
  out of the JSON (:func:`.row_base.with_words_data`: a report's Python dump
  validates back to the same report), whether the list is a :class:`Rows` or
  a plain list. ``include``/``exclude`` on the field get the exact list
  semantics (and leave those fields out).
* Pickled, a :class:`Rows` is a plain list of its rows (pickle takes them
  from an iterator, a batch at a time); ``copy.deepcopy`` of one that nothing
  has changed shares the builder (each read builds a new row anyway).
"""

from __future__ import annotations

import copy
import operator
import weakref
from collections.abc import Callable, Iterable, Iterator, MutableSequence, Sequence
from typing import Any, SupportsIndex, TypeVar, overload

from pydantic import BaseModel, SerializationInfo, SerializerFunctionWrapHandler, field_serializer

from ..files import collector_paused
from .row_base import with_words_data

__all__ = ["Rows", "built_on_read", "compact"]

T = TypeVar("T", bound=BaseModel)


class Rows(MutableSequence[T]):
    """``n`` rows, row ``i`` built by ``build(i)`` when it is read (see the module's notes)."""

    __slots__ = ("_build", "_held", "_list", "_n", "_verdicts")

    def __init__(self, n: int, build: Callable[[int], T], verdicts: Sequence[Any] | None = None) -> None:
        self._n = n
        self._build = build
        #: the compact records the rows are built from, with the fields a table reads (``id``,
        #: ``status``...): what :meth:`compact` hands a reader that needs no explanations
        self._verdicts = verdicts
        #: rows handed out and still referenced somewhere: reading them again gives the same object
        self._held: weakref.WeakValueDictionary[int, T] = weakref.WeakValueDictionary()
        #: every row, once the list has been changed
        self._list: list[T] | None = None

    # -- reading ------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._n if self._list is None else len(self._list)

    def _row(self, i: int) -> T:
        row = self._held.get(i)
        if row is None:
            row = self._build(i)
            self._held[i] = row
        return row

    @overload
    def __getitem__(self, i: SupportsIndex) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> list[T]: ...
    def __getitem__(self, i: SupportsIndex | slice) -> T | list[T]:
        if self._list is not None:
            return self._list[i]
        if isinstance(i, slice):
            return [self._row(k) for k in range(*i.indices(self._n))]
        k = operator.index(i)
        if k < 0:
            k += self._n
        if not 0 <= k < self._n:
            raise IndexError("list index out of range")
        return self._row(k)

    def __iter__(self) -> Iterator[T]:
        if self._list is not None:
            return iter(self._list)
        return map(self._row, range(self._n))

    def compact(self) -> Sequence[Any]:
        """The compact verdicts the rows are built from, when given and no row has been changed (or
        is held, and so might be), else the rows themselves: for readers that need only the fields
        of a table (the text report reads the incidents several times over)."""
        if self._verdicts is None or self._list is not None or self._held:
            return self
        return self._verdicts

    def with_id(self, ident: str) -> list[T]:
        """The rows whose ``id`` is ``ident``, building only those when the verdicts say which."""
        verdicts = self.compact()
        if verdicts is self:
            return [r for r in self if getattr(r, "id", None) == ident]
        return [self._row(i) for i, v in enumerate(verdicts) if v.id == ident]

    def _all(self) -> Iterator[T]:
        """Every row as it stands, without remembering the ones built (what serialising, comparing
        and pickling read). The cyclic collector is off meanwhile: building a few hundred thousand
        rows would make it walk them over and over."""
        if self._list is not None:
            yield from self._list
            return
        held, build = self._held, self._build
        with collector_paused():
            for i in range(self._n):
                row = held.get(i) if held else None
                yield build(i) if row is None else row

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, list | Rows):  # as a list: never equal to a tuple
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self._all(), other, strict=True))

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None  # type: ignore[assignment]  # mutable, as a list

    def __repr__(self) -> str:
        return repr(list(self._all()))

    def __add__(self, other: Iterable[T]) -> list[T]:
        return [*self._all(), *other]

    def __radd__(self, other: Iterable[T]) -> list[T]:
        return [*other, *self._all()]

    def copy(self) -> list[T]:
        """A plain list of the rows (as ``list.copy``)."""
        return list(self._all())

    # -- changing: the list becomes an ordinary one ---------------------------------------
    def _changed(self) -> list[T]:
        if self._list is None:
            self._list = [self._row(i) for i in range(self._n)]
            self._held = weakref.WeakValueDictionary()
        return self._list

    @overload
    def __setitem__(self, i: SupportsIndex, value: T) -> None: ...
    @overload
    def __setitem__(self, i: slice, value: Iterable[T]) -> None: ...
    def __setitem__(self, i: SupportsIndex | slice, value: Any) -> None:
        self._changed()[i] = value

    def __delitem__(self, i: SupportsIndex | slice) -> None:
        del self._changed()[i]

    def insert(self, index: int, value: T) -> None:
        """Insert ``value`` before ``index`` (as ``list.insert``)."""
        self._changed().insert(index, value)

    def sort(self, *, key: Callable[[T], Any] | None = None, reverse: bool = False) -> None:
        """Sort in place (as ``list.sort``)."""
        self._changed().sort(key=key, reverse=reverse)  # type: ignore[arg-type]

    # -- copying and pickling -------------------------------------------------------------
    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (), None, self._all())

    def __copy__(self) -> list[T]:
        return self.copy()

    def __deepcopy__(self, memo: dict[int, Any]) -> Rows[T] | list[T]:
        if self._list is None and not self._held:
            return Rows(self._n, self._build, self._verdicts)
        return copy.deepcopy(list(self._all()), memo)


def compact(rows: Sequence[Any]) -> Sequence[Any]:
    """The compact verdicts behind ``rows`` when it is an unchanged :class:`Rows` that has them, else ``rows``."""
    return rows.compact() if isinstance(rows, Rows) else rows


def _dump(value: Any, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
    """Serialise a list field that may hold :class:`Rows` (see the module's notes)."""
    if info.include is not None or info.exclude is not None:
        return handler(list(value._all()) if isinstance(value, Rows) else value)
    if info.mode_is_json():
        return value._all() if isinstance(value, Rows) else handler(value)
    rows = list(value._all()) if isinstance(value, Rows) else value
    dumped = handler(rows)
    if not isinstance(rows, list) or not isinstance(dumped, list) or len(dumped) != len(rows):
        return dumped
    return [with_words_data(row, d, info) for row, d in zip(rows, dumped, strict=True)]


def built_on_read(*fields: str) -> Any:
    """``_rows = built_on_read("incidents", "violations")`` in a model's body: the serializer of its list
    fields that may hold :class:`Rows`. A field serializer (its first argument ``self``), which pydantic
    applies with ``serialize_as_any=True`` as well (see the module's notes); a lambda, so that pydantic
    gives it no return type and the JSON schemas stay those of the list."""
    return field_serializer(*fields, mode="wrap", when_used="always")(
        lambda self, value, handler, info: _dump(value, handler, info)
    )
