import {articlesOf, type Book} from '../model/book.js';
import {indexOf} from './book-index.js';
import {chronologyOf} from './chronology.js';

/**
 * Fill the book's chronology and index from its articles, for the sections book.yaml asks
 * for (a booklet of some articles gathers its own).
 */
export async function gatherApparatus(book: Book): Promise<void> {
  const {apparatus} = book;
  const wanted = new Set([...apparatus.front, ...apparatus.back]);
  const articles = articlesOf(book);
  apparatus.chronology = wanted.has('chronology') ? chronologyOf(articles) : [];
  apparatus.index = wanted.has('index') ? await indexOf(articles, apparatus.indexSort) : [];
}
