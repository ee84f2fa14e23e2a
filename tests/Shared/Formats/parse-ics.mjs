// Reads a JSON array of iCalendar texts on stdin and prints, as JSON, what ical.js made of each: the calendar's
// name and product and its events. A text ical.js cannot parse fails the run (exit code 1, the error on stderr).
// The first argument is ical.js's module file: the package lives in the test cache, not next to this script.
import { pathToFileURL } from 'node:url';

const ICAL = (await import(pathToFileURL(process.argv[2]).href)).default;

// Decoded as a stream, so that a character split between two chunks stays whole.
process.stdin.setEncoding('utf8');
let input = '';
for await (const chunk of process.stdin) {
  input += chunk;
}

const time = (value) => value && { value: value.toString(), isDate: value.isDate };

const calendars = JSON.parse(input).map((text) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== 'vcalendar') {
    throw new Error(`The top component is ${calendar.name}, not vcalendar.`);
  }

  return {
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    productId: calendar.getFirstPropertyValue('prodid'),
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        summary: event.summary,
        description: event.description,
        location: event.location,
        categories: vevent.getFirstProperty('categories')?.getValues() ?? [],
        status: vevent.getFirstPropertyValue('status'),
        stamp: time(vevent.getFirstPropertyValue('dtstamp')),
        start: time(event.startDate),
        end: time(event.endDate),
      };
    }),
  };
});

process.stdout.write(JSON.stringify(calendars));
