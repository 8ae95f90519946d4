// Reading's figures in the registry, from the module's year figures (groups and participants are counted as of the
// year's end, so these are kept by year and computed only for a whole year).
import { figuresById } from '../../platform/figures/by-id.ts';
import type { FigureGroup } from '../../platform/figures/registry.ts';
import { readingFigures } from './note-service.ts';

const link = () => '/reading';

export const readingFigureGroup: FigureGroup = {
  module: 'reading',
  moduleName: '委员读书',
  permission: 'reading.figures',
  basis: 'year',
  sentence:
    '全年建立委员读书群{{reading.groups}}个，参与委员{{reading.participants}}人，开展线上轮值分享{{reading.sessions}}场，推荐书目{{reading.lists}}期，发放图书{{reading.books}}册，撰写读书笔记{{reading.notes}}篇，其中{{reading.selected}}篇入选读书笔记集。',
  figures: [
    {
      id: 'reading.groups',
      name: '委员读书群',
      unit: '个',
      definition: '截至年末已建立的读书群（含往年建立、仍在的）。',
      link,
    },
    {
      id: 'reading.participants',
      name: '参与读书委员',
      unit: '人',
      definition: '截至年末加入过任一读书群的委员人数（同一委员加入多个群计一人）。',
      link,
    },
    {
      id: 'reading.sessions',
      name: '线上轮值分享',
      unit: '场',
      definition: '本年度已举行的读书分享；计划中和取消的不计。',
      link,
    },
    {
      id: 'reading.lists',
      name: '推荐书目',
      unit: '期',
      definition: '本年度发布的各期推荐书目（按月或按季度一期计）。',
      link,
    },
    {
      id: 'reading.books',
      name: '发放图书',
      unit: '册',
      definition: '本年度发放给委员和读书群的图书册数（按发放日期；整期书目按每本书计）。',
      link,
    },
    {
      id: 'reading.notes',
      name: '撰写读书笔记',
      unit: '篇',
      definition: '本年度委员在读书群中发表的读书笔记。',
      link,
    },
    {
      id: 'reading.selected',
      name: '入选读书笔记集',
      unit: '篇',
      definition: '本年度被选入读书笔记集的笔记（按入选时间）。',
      link,
    },
  ],
  compute: async (db, committeeId, period) => {
    const f = await readingFigures(db, committeeId, period.year as number);
    return figuresById('reading', f);
  },
};
